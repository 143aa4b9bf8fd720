package dev.keel.bank.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keel.bank.Account;
import dev.keel.bank.AccountOutcome;
import dev.keel.bank.Balance;
import dev.keel.bank.BankingSystem;
import dev.keel.bank.ChainOutcome;
import dev.keel.bank.Money;
import dev.keel.bank.NewTransfer;
import dev.keel.bank.Statement;
import dev.keel.bank.Transfer;
import dev.keel.bank.TransferOutcome;
import dev.keel.bank.TransferResult;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One method per route, each turning a parsed request into a call on the {@link BankingSystem} and its outcome into a
 * {@link Response}. Refusals are thrown as {@link ApiError} and rendered by the server. Stateless apart from the
 * (thread-safe) system; safe to call from many threads.
 */
final class BankApi {

    /** A status and a JSON body. */
    record Response(int status, JsonNode body) {}

    private final BankingSystem bank;

    BankApi(BankingSystem bank) {
        this.bank = Objects.requireNonNull(bank, "bank");
    }

    /** Routes a request; {@code path} is the raw path, {@code query} the raw query or null. */
    Response handle(String method, String path, String query, byte[] body) {
        List<String> parts = segments(path);
        if (parts.size() == 1 && parts.get(0).equals("accounts")) {
            requireMethod(method, "POST", path);
            return createAccount(body);
        }
        if (parts.size() == 2 && parts.get(0).equals("accounts")) {
            requireMethod(method, "GET", path);
            return getAccount(parts.get(1));
        }
        if (parts.size() == 3 && parts.get(0).equals("accounts") && parts.get(2).equals("statement")) {
            requireMethod(method, "GET", path);
            return statement(parts.get(1), query);
        }
        if (parts.size() == 1 && parts.get(0).equals("transfers")) {
            requireMethod(method, "POST", path);
            return createTransfer(body);
        }
        if (parts.size() == 2
                && parts.get(0).equals("transfers")
                && parts.get(1).equals("batch")) {
            requireMethod(method, "POST", path);
            return batch(body);
        }
        if (parts.size() == 2 && parts.get(0).equals("transfers")) {
            requireMethod(method, "GET", path);
            return getTransfer(parts.get(1));
        }
        if (parts.size() == 3
                && parts.get(0).equals("transfers")
                && parts.get(2).equals("post")) {
            requireMethod(method, "POST", path);
            return post(parts.get(1), body);
        }
        if (parts.size() == 3
                && parts.get(0).equals("transfers")
                && parts.get(2).equals("void")) {
            requireMethod(method, "POST", path);
            return resolved(bank.voidPending(parts.get(1)));
        }
        if (parts.size() == 1 && parts.get(0).equals("audit")) {
            requireMethod(method, "GET", path);
            return new Response(200, JsonViews.audit(bank.audit()));
        }
        throw ApiError.notFound("NOT_FOUND", "no route " + method + " " + JsonBodies.abbreviate(path));
    }

    private Response createAccount(byte[] body) {
        AccountOutcome outcome = bank.createAccount(JsonBodies.account(JsonBodies.object(body, "an account")));
        if (!outcome.isSuccess()) {
            throw new ApiError(
                    Statuses.of(outcome.result()),
                    outcome.result().name(),
                    "account not opened: "
                            + outcome.result()
                                    .name()
                                    .toLowerCase(java.util.Locale.ROOT)
                                    .replace('_', ' '));
        }
        return new Response(Statuses.of(outcome.result()), accountView(Objects.requireNonNull(outcome.account())));
    }

    private Response getAccount(String id) {
        Account account = bank.account(id).orElseThrow(() -> noAccount(id));
        return new Response(200, accountView(account));
    }

    private ObjectNode accountView(Account account) {
        Balance balance = account.balance();
        return JsonViews.account(account, balance, account.isClosed());
    }

    private Response statement(String id, String query) {
        Map<String, String> parameters = parameters(query);
        long after = number(parameters, "after", 0, Long.MAX_VALUE, 0);
        int limit = (int) number(parameters, "limit", 1, 1_000, 100);
        Statement statement = bank.statement(id, after, limit).orElseThrow(() -> noAccount(id));
        return new Response(200, JsonViews.statement(statement));
    }

    private Response createTransfer(byte[] body) {
        NewTransfer request = JsonBodies.transfer(JsonBodies.object(body, "a transfer"));
        TransferOutcome outcome = bank.transfer(request);
        if (!outcome.isSuccess()) {
            throw refusal(outcome.result());
        }
        Transfer transfer = Objects.requireNonNull(outcome.transfer());
        return new Response(
                Statuses.of(outcome.result()),
                JsonViews.transfer(transfer, outcome.result().name()));
    }

    private Response batch(byte[] body) {
        JsonBodies.Batch batch = JsonBodies.batch(JsonBodies.object(body, "a batch"));
        if (batch.linked()) {
            ChainOutcome chain = bank.transferLinked(batch.transfers());
            if (!chain.isSuccess()) {
                ObjectNode view = JsonViews.chain(chain);
                view.setAll(JsonViews.error(
                        chain.result().name(),
                        "the chain failed at transfer " + chain.failedIndex() + ": " + Statuses.describe(chain.result())
                                + "; nothing of it was applied"));
                return new Response(Statuses.of(chain.result()), view);
            }
            return new Response(201, JsonViews.chain(chain));
        }
        return new Response(200, JsonViews.outcomes(bank.transferAll(batch.transfers())));
    }

    private Response getTransfer(String id) {
        Transfer transfer = bank.lookupTransfer(id)
                .orElseThrow(() -> ApiError.notFound("TRANSFER_NOT_FOUND", "no transfer '" + id + "'"));
        return new Response(200, JsonViews.transfer(transfer, "EXISTS"));
    }

    private Response post(String id, byte[] body) {
        Transfer hold = bank.lookupTransfer(id).orElseThrow(() -> refusal(TransferResult.PENDING_NOT_FOUND));
        Money amount = JsonBodies.postAmount(body, hold.amount().currency());
        return resolved(bank.post(id, amount));
    }

    private Response resolved(TransferOutcome outcome) {
        if (outcome.result() != TransferResult.OK) {
            throw refusal(outcome.result());
        }
        return new Response(200, JsonViews.transfer(Objects.requireNonNull(outcome.transfer()), "OK"));
    }

    private static ApiError refusal(TransferResult result) {
        return new ApiError(Statuses.of(result), result.name(), Statuses.describe(result));
    }

    private static ApiError noAccount(String id) {
        return ApiError.notFound("ACCOUNT_NOT_FOUND", "no account '" + JsonBodies.abbreviate(id) + "'");
    }

    private static void requireMethod(String method, String expected, String path) {
        if (!method.equals(expected)) {
            throw new ApiError(
                    405,
                    "METHOD_NOT_ALLOWED",
                    method + " " + JsonBodies.abbreviate(path) + " is not allowed (expected " + expected + ")");
        }
    }

    private static List<String> segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty()) {
            return List.of();
        }
        return java.util.Arrays.stream(trimmed.split("/", -1))
                .map(segment -> URLDecoder.decode(segment, StandardCharsets.UTF_8))
                .toList();
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new HashMap<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.put(name, value);
        }
        return parameters;
    }

    private static long number(Map<String, String> parameters, String name, long min, long max, long fallback) {
        String value = parameters.get(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw ApiError.badRequest(
                "INVALID_PARAMETER",
                name + " '" + JsonBodies.abbreviate(value) + "' (expected an integer from " + min + " to " + max + ")");
    }
}
