package dev.keel.bank.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keel.bank.Account;
import dev.keel.bank.AuditReport;
import dev.keel.bank.Balance;
import dev.keel.bank.ChainOutcome;
import dev.keel.bank.Statement;
import dev.keel.bank.StatementLine;
import dev.keel.bank.Transfer;
import dev.keel.bank.TransferOutcome;
import java.util.List;

/** The JSON shapes of responses; amounts always as decimal strings. Stateless. */
final class JsonViews {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private JsonViews() {}

    static ObjectNode account(Account account, Balance balance, boolean closed) {
        ObjectNode node = JSON.objectNode();
        node.put("id", account.id());
        node.put("currency", account.currency().getCurrencyCode());
        node.put("owner", account.owner());
        node.put("posted", balance.posted().toPlainString());
        node.put("pending", balance.pending().toPlainString());
        node.put("available", balance.available().toPlainString());
        node.put("closed", closed);
        return node;
    }

    static ObjectNode transfer(Transfer transfer, String result) {
        ObjectNode node = JSON.objectNode();
        node.put("id", transfer.id());
        node.put("from", transfer.from());
        node.put("to", transfer.to());
        node.put("amount", transfer.amount().toPlainString());
        node.put("currency", transfer.amount().currency().getCurrencyCode());
        node.put("reference", transfer.reference());
        node.put("pending", transfer.pending());
        if (transfer.timeout() != null) {
            node.put("timeout", transfer.timeout().toString());
        }
        node.put("status", transfer.status().name());
        node.put("posted", transfer.posted().toPlainString());
        node.put("createdAt", transfer.createdAt().toString());
        node.put("result", result);
        return node;
    }

    static ObjectNode outcomes(List<TransferOutcome> outcomes) {
        ObjectNode node = JSON.objectNode();
        ArrayNode results = node.putArray("results");
        for (TransferOutcome outcome : outcomes) {
            ObjectNode each = results.addObject();
            each.put("result", outcome.result().name());
            if (outcome.transfer() != null) {
                each.put("id", outcome.transfer().id());
            }
        }
        return node;
    }

    static ObjectNode chain(ChainOutcome chain) {
        ObjectNode node = outcomes(chain.outcomes());
        node.put("result", chain.result().name());
        node.put("failedIndex", chain.failedIndex());
        return node;
    }

    static ObjectNode statement(Statement statement) {
        ObjectNode node = JSON.objectNode();
        node.put("account", statement.accountId());
        ArrayNode lines = node.putArray("lines");
        for (StatementLine line : statement.lines()) {
            ObjectNode each = lines.addObject();
            each.put("sequence", line.sequence());
            each.put("transfer", line.transferId());
            each.put("postedAt", line.postedAt().toString());
            each.put("amount", line.amount().toPlainString());
            each.put("balance", line.balance().toPlainString());
            each.put("reference", line.reference());
        }
        if (statement.next() >= 0) {
            node.put("next", statement.next());
        } else {
            node.putNull("next");
        }
        return node;
    }

    static ObjectNode audit(AuditReport report) {
        ObjectNode node = JSON.objectNode();
        node.put("ok", report.ok());
        node.put("accounts", report.accounts());
        node.put("transfers", report.transfers());
        ArrayNode violations = node.putArray("violations");
        report.violations().forEach(violations::add);
        return node;
    }

    static ObjectNode error(String code, String message) {
        ObjectNode node = JSON.objectNode();
        ObjectNode error = node.putObject("error");
        error.put("code", code);
        error.put("message", message);
        return node;
    }
}
