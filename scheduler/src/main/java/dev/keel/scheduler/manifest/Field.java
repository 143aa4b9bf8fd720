package dev.keel.scheduler.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A field of a manifest document and where it is ({@code metadata.labels.zone}), so that every error names the
 * document and the field. Immutable.
 */
record Field(JsonNode node, String path, String where) {

    static Field root(JsonNode node, String where) {
        return new Field(node, "", where);
    }

    boolean present() {
        return !node.isMissingNode() && !node.isNull();
    }

    Field get(String name) {
        JsonNode child =
                node.isObject() ? node.path(name) : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        return new Field(child, path.isEmpty() ? name : path + "." + name, where);
    }

    ManifestException invalid(String problem) {
        return new ManifestException(ManifestException.Code.INVALID_VALUE, where + ": " + path + ": " + problem);
    }

    ManifestException missing() {
        return new ManifestException(ManifestException.Code.MISSING_FIELD, where + ": " + path + " is required");
    }

    String text() {
        if (!present()) {
            throw missing();
        }
        if (!node.isValueNode()) {
            throw invalid("expected a string, got " + node.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return node.asText();
    }

    String text(String fallback) {
        return present() ? text() : fallback;
    }

    long integer(long fallback) {
        if (!present()) {
            return fallback;
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isTextual()) {
            try {
                return Long.parseLong(node.asText().trim());
            } catch (NumberFormatException e) {
                throw invalid("'" + node.asText() + "' is not an integer");
            }
        }
        throw invalid("expected an integer, got " + node);
    }

    int intValue(int fallback) {
        long value = integer(fallback);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw invalid(value + " is out of range");
        }
        return (int) value;
    }

    boolean bool(boolean fallback) {
        if (!present()) {
            return fallback;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isTextual() && (node.asText().equals("true") || node.asText().equals("false"))) {
            return Boolean.parseBoolean(node.asText());
        }
        throw invalid("expected true or false, got " + node);
    }

    List<Field> list() {
        if (!present()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw invalid("expected a list");
        }
        List<Field> items = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            items.add(new Field(node.get(i), path + "[" + i + "]", where));
        }
        return items;
    }

    <T> List<T> list(Function<Field, T> parse) {
        return list().stream().map(parse).toList();
    }

    List<String> strings() {
        return list(Field::text);
    }

    /** An object's entries, in document order. */
    Map<String, Field> entries() {
        Map<String, Field> entries = new LinkedHashMap<>();
        if (!present()) {
            return entries;
        }
        if (!node.isObject()) {
            throw invalid("expected a mapping");
        }
        node.fieldNames().forEachRemaining(name -> entries.put(name, get(name)));
        return entries;
    }

    Map<String, String> stringMap() {
        Map<String, String> result = new LinkedHashMap<>();
        entries().forEach((key, value) -> result.put(key, value.present() ? value.text() : ""));
        return result;
    }

    /** Rejects fields other than {@code allowed} (configuration files, where a typo must not pass silently). */
    void onlyFields(String... allowed) {
        List<String> known = List.of(allowed);
        for (String name : entries().keySet()) {
            if (!known.contains(name)) {
                throw new ManifestException(
                        ManifestException.Code.UNKNOWN_FIELD,
                        where + ": unknown field " + get(name).path() + " (expected one of: "
                                + String.join(", ", allowed) + ")");
            }
        }
    }

    <T> T parse(Function<String, T> parser) {
        String value = text();
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }
}
