package dev.keel.bank;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The answer to opening or closing an account: the code and, when the account exists, the account. Immutable.
 *
 * @param result the code
 * @param account the account, or null if there is none
 */
public record AccountOutcome(AccountResult result, @Nullable Account account) {

    public AccountOutcome {
        Objects.requireNonNull(result, "result");
        if (result.isSuccess() && account == null) {
            throw new IllegalArgumentException("a successful outcome (" + result + ") must carry its account");
        }
    }

    public boolean isSuccess() {
        return result.isSuccess();
    }
}
