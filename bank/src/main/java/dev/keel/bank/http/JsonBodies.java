package dev.keel.bank.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keel.bank.AccountFlags;
import dev.keel.bank.Money;
import dev.keel.bank.NewAccount;
import dev.keel.bank.NewTransfer;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Strict parsing of request bodies into the ledger's requests. Why strict: a money API must not guess. Amounts are
 * JSON strings ({@code "200.00"}) because a JSON number is a binary float to most clients ({@code 0.1 + 0.2}), so a
 * number is refused rather than rounded; an unknown field is refused because it is usually a typo of a field that
 * would otherwise silently take its default ({@code "pendng": true}); duplicate keys and trailing data are refused.
 * Every refusal is a 400 naming the field and what was expected. Stateless; the mapper is immutable once built.
 */
final class JsonBodies {

    /**
     * Buffers come from one shared pool, not Jackson's default thread-local one: every exchange runs on a new virtual
     * thread, so a thread-local pool never reuses anything (a JFR profile of the server put Jackson's buffer
     * allocations at a third of its allocation).
     */
    static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** The most transfers one batch may hold (TigerBeetle's batch size). */
    static final int MAX_BATCH = 8_190;

    private static final Set<String> ACCOUNT_FIELDS =
            Set.of("id", "currency", "owner", "initialBalance", "limit", "overdraftLimit");
    private static final Set<String> TRANSFER_FIELDS =
            Set.of("id", "from", "to", "amount", "currency", "reference", "pending", "timeout");
    private static final Set<String> POST_FIELDS = Set.of("amount");
    private static final Set<String> BATCH_FIELDS = Set.of("linked", "transfers");

    private JsonBodies() {}

    static ObjectNode object(byte[] body, String what) {
        if (body.length == 0) {
            throw ApiError.badRequest(
                    "MALFORMED_JSON", "the request has no body (expected a JSON object: " + what + ")");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw ApiError.badRequest("MALFORMED_JSON", "the body is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw ApiError.badRequest("MALFORMED_JSON", "the body cannot be read: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw ApiError.badRequest("MALFORMED_JSON", "the body must be a JSON object (" + what + ")");
        }
        return (ObjectNode) node;
    }

    static NewAccount account(ObjectNode node) {
        Fields fields = new Fields(node, "account", ACCOUNT_FIELDS);
        Currency currency = fields.currency("currency");
        String limit = fields.optionalText("limit");
        Money overdraft = fields.optionalAmount("overdraftLimit", currency);
        AccountFlags flags;
        try {
            flags = switch (limit == null ? "debitsMustNotExceedCredits" : limit) {
                case "debitsMustNotExceedCredits" ->
                    AccountFlags.overdraft(overdraft == null ? 0 : overdraft.minorUnits());
                case "creditsMustNotExceedDebits" -> AccountFlags.creditsLimited();
                case "none" -> AccountFlags.NONE;
                default ->
                    throw ApiError.badRequest(
                            "INVALID_FIELD",
                            "limit '" + limit
                                    + "' (expected debitsMustNotExceedCredits, creditsMustNotExceedDebits or none)");
            };
            if (overdraft != null && !flags.debitsMustNotExceedCredits()) {
                throw ApiError.badRequest("INVALID_FIELD", "overdraftLimit needs limit debitsMustNotExceedCredits");
            }
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("INVALID_FIELD", e.getMessage());
        }
        Money initial = fields.optionalAmount("initialBalance", currency);
        return new NewAccount(
                fields.text("id"), fields.text("owner"), currency, flags, initial == null ? 0 : initial.minorUnits());
    }

    static NewTransfer transfer(JsonNode node) {
        if (!node.isObject()) {
            throw ApiError.badRequest(
                    "INVALID_FIELD", "each transfer must be a JSON object, not " + node.getNodeType());
        }
        Fields fields = new Fields((ObjectNode) node, "transfer", TRANSFER_FIELDS);
        Currency currency = fields.currency("currency");
        boolean pending = fields.bool("pending");
        String timeoutText = fields.optionalText("timeout");
        Duration timeout = null;
        if (timeoutText != null) {
            try {
                timeout = Duration.parse(timeoutText);
            } catch (DateTimeParseException e) {
                throw ApiError.badRequest(
                        "INVALID_FIELD", "timeout '" + timeoutText + "' is not an ISO-8601 duration (such as PT1H)");
            }
        }
        String reference = fields.optionalText("reference");
        return new NewTransfer(
                fields.text("id"),
                fields.text("from"),
                fields.text("to"),
                fields.amount("amount", currency),
                reference == null ? "" : reference,
                pending,
                timeout);
    }

    /** The amount of a post, in the hold's currency; null to post it all. */
    static @Nullable Money postAmount(byte[] body, Currency currency) {
        if (body.length == 0) {
            return null;
        }
        return new Fields(object(body, "{\"amount\": \"...\"}"), "post", POST_FIELDS)
                .optionalAmount("amount", currency);
    }

    /** A batch: whether it is linked, and its transfers. */
    record Batch(boolean linked, List<NewTransfer> transfers) {}

    static Batch batch(ObjectNode node) {
        Fields fields = new Fields(node, "batch", BATCH_FIELDS);
        boolean linked = fields.bool("linked");
        JsonNode list = node.get("transfers");
        if (list == null || !list.isArray()) {
            throw ApiError.badRequest("INVALID_FIELD", "transfers must be a JSON array of transfers");
        }
        if (list.size() > MAX_BATCH) {
            throw ApiError.badRequest(
                    "BATCH_TOO_LARGE", "a batch holds " + list.size() + " transfers (at most " + MAX_BATCH + ")");
        }
        List<NewTransfer> transfers = new ArrayList<>(list.size());
        for (JsonNode each : list) {
            transfers.add(transfer(each));
        }
        return new Batch(linked, transfers);
    }

    /** One object's fields, read with their types checked; unknown fields are refused up front. */
    private static final class Fields {
        private final ObjectNode node;
        private final String what;

        Fields(ObjectNode node, String what, Set<String> allowed) {
            this.node = node;
            this.what = what;
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    throw ApiError.badRequest(
                            "UNKNOWN_FIELD",
                            "unknown field '" + abbreviate(name) + "' in " + what + " (expected: "
                                    + String.join(
                                            ", ", allowed.stream().sorted().toList()) + ")");
                }
            }
        }

        String text(String name) {
            String value = optionalText(name);
            if (value == null) {
                throw ApiError.badRequest("MISSING_FIELD", what + " needs field '" + name + "'");
            }
            return value;
        }

        @Nullable
        String optionalText(String name) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isTextual()) {
                throw ApiError.badRequest(
                        "INVALID_FIELD",
                        name + " must be a string, not "
                                + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
            }
            return value.textValue();
        }

        boolean bool(String name) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return false;
            }
            if (!value.isBoolean()) {
                throw ApiError.badRequest(
                        "INVALID_FIELD", name + " must be true or false, not " + abbreviate(value.toString()));
            }
            return value.booleanValue();
        }

        Currency currency(String name) {
            try {
                return Money.currency(text(name));
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest("INVALID_FIELD", e.getMessage());
            }
        }

        Money amount(String name, Currency currency) {
            Money amount = optionalAmount(name, currency);
            if (amount == null) {
                throw ApiError.badRequest("MISSING_FIELD", what + " needs field '" + name + "'");
            }
            return amount;
        }

        @Nullable
        Money optionalAmount(String name, Currency currency) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return null;
            }
            if (value.isNumber()) {
                throw ApiError.badRequest(
                        "INVALID_AMOUNT",
                        name + " must be a string such as \"200.00\", not the JSON number "
                                + abbreviate(value.toString()) + " (numbers are binary floats to most clients)");
            }
            if (!value.isTextual()) {
                throw ApiError.badRequest("INVALID_AMOUNT", name + " must be a decimal string such as \"200.00\"");
            }
            try {
                return Money.of(value.textValue(), currency);
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest("INVALID_AMOUNT", name + ": " + e.getMessage());
            }
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
