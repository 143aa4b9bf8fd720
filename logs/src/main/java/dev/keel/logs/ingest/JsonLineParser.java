package dev.keel.logs.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keel.logs.LogEntry;
import dev.keel.logs.LogLevel;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parses one JSON line into an entry:
 * {@code {"timestamp": RFC 3339 or epoch nanoseconds, "level", "source", "labels": {...}, "message", ...}}.
 *
 * <p>{@code timestamp} is an RFC 3339 string ({@code 2026-11-28T10:00:00.123456789Z}) or an integer (or integer
 * string) of nanoseconds since 1970; when absent, the receive time. {@code level} is a level name or alias
 * (default INFO). {@code source} is required. {@code labels} is an object of strings. {@code message} (or
 * {@code msg}, or {@code log}) is the text. Every other member is kept as a field: strings as they are, numbers,
 * booleans and null as their JSON text, objects and arrays as compact JSON. Stateless and thread-safe.
 */
public final class JsonLineParser {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    static {
        MAPPER.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(64)
                        .maxStringLength(LogEntry.MAX_MESSAGE_LENGTH * 2)
                        .build());
        MAPPER.getFactory().disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
    }

    private JsonLineParser() {}

    /** Parses {@code line}; {@code received} stands in for a missing timestamp. */
    public static LogEntry parse(String line, Instant received) throws ParseException {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new ParseException("not JSON: " + e.getOriginalMessage() + " at column "
                    + (e.getLocation() == null ? "?" : e.getLocation().getColumnNr()));
        }
        if (!(node instanceof ObjectNode object)) {
            throw new ParseException(
                    "expected a JSON object, found " + (node == null ? "nothing" : node.getNodeType()));
        }
        Instant timestamp = received;
        LogLevel level = LogLevel.INFO;
        String source = null;
        String message = null;
        TreeMap<String, String> labels = new TreeMap<>();
        TreeMap<String, String> fields = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            String name = member.getKey();
            JsonNode value = member.getValue();
            switch (name) {
                case "timestamp", "ts", "time" -> timestamp = timestamp(name, value);
                case "level", "severity" -> level = level(name, value);
                case "source" -> source = text(name, value);
                case "message", "msg", "log" -> {
                    if (message == null) {
                        message = value.isTextual() ? value.asText() : value.toString();
                    } else {
                        fields.put(name, value.isTextual() ? value.asText() : value.toString());
                    }
                }
                case "labels" -> labels(value, labels);
                default -> fields.put(name, value.isTextual() ? value.asText() : value.toString());
            }
        }
        if (source == null) {
            throw new ParseException("missing \"source\" (expected: a string naming where the entry comes from)");
        }
        try {
            return LogEntry.of(timestamp, level, source, labels, message == null ? "" : message, fields);
        } catch (IllegalArgumentException e) {
            throw new ParseException(e.getMessage());
        }
    }

    private static Instant timestamp(String name, JsonNode value) throws ParseException {
        try {
            if (value.isIntegralNumber()) {
                if (!value.canConvertToLong()) {
                    throw new ParseException("\"" + name + "\": " + value + " does not fit in 64 bits of nanoseconds");
                }
                return LogEntry.instantOf(value.asLong());
            }
            if (value.isTextual()) {
                String text = value.asText();
                if (!text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    return LogEntry.instantOf(Long.parseLong(text));
                }
                Instant instant = Instant.parse(text.contains("T") ? text : text.replace(' ', 'T'));
                LogEntry.epochNanosOf(instant);
                return instant;
            }
        } catch (java.time.format.DateTimeParseException | NumberFormatException e) {
            // fall through to the message below
        } catch (IllegalArgumentException e) {
            throw new ParseException("\"" + name + "\": " + e.getMessage());
        }
        throw new ParseException("\"" + name + "\": " + abbreviate(value.toString())
                + " is not a time (expected: RFC 3339 such as \"2026-11-28T10:00:00Z\" or epoch nanoseconds)");
    }

    private static LogLevel level(String name, JsonNode value) throws ParseException {
        if (value.isIntegralNumber() && value.asInt() >= 0 && value.asInt() <= 7) {
            return LogLevel.fromSyslogSeverity(value.asInt());
        }
        try {
            return LogLevel.parse(value.asText());
        } catch (IllegalArgumentException e) {
            throw new ParseException("\"" + name + "\": " + e.getMessage());
        }
    }

    private static String text(String name, JsonNode value) throws ParseException {
        if (!value.isTextual()) {
            throw new ParseException("\"" + name + "\": expected a string, found " + abbreviate(value.toString()));
        }
        return value.asText();
    }

    private static void labels(JsonNode value, Map<String, String> labels) throws ParseException {
        if (!(value instanceof ObjectNode object)) {
            throw new ParseException(
                    "\"labels\": expected an object of strings, found " + abbreviate(value.toString()));
        }
        for (Map.Entry<String, JsonNode> label : object.properties()) {
            JsonNode labelValue = label.getValue();
            if (labelValue.isContainerNode() || labelValue.isNull()) {
                throw new ParseException("\"labels\".\"" + label.getKey() + "\": expected a string, found "
                        + abbreviate(labelValue.toString()));
            }
            labels.put(label.getKey(), labelValue.asText());
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }
}
