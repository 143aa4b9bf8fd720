package dev.keel.bank;

import java.util.List;
import java.util.Objects;

/**
 * A page of an account's statement. Immutable.
 *
 * @param accountId the account
 * @param lines lines in order, each with its running balance
 * @param next the {@code after} for the next page, or -1 if this is the last page
 */
public record Statement(String accountId, List<StatementLine> lines, long next) {

    public Statement {
        Objects.requireNonNull(accountId, "accountId");
        lines = List.copyOf(lines);
    }
}
