package dev.keel.sql.value;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A column's preference for how values are stored, derived from its declared type name as SQLite derives it.
 *
 * <p>Why affinity rather than strict types: keel runs SQLite's dialect (the sqllogictest corpus is written against
 * it), where {@code INSERT INTO t(real_col) VALUES (4)} stores {@code 4.0} and {@code '12'} stored in an INTEGER column
 * becomes the integer 12, while {@code 'abc'} stays text. The rules (SQLite's "Determination Of Column Affinity"):
 * a type containing INT is INTEGER; CHAR, CLOB or TEXT is TEXT; BLOB or no type is BLOB (stored as given); REAL, FLOA
 * or DOUB is REAL; anything else (NUMERIC, DECIMAL, BOOLEAN, DATE) is NUMERIC.
 */
public enum Affinity {
    INTEGER,
    REAL,
    NUMERIC,
    TEXT,
    BLOB;

    /** The affinity of a declared type name such as {@code VARCHAR(8)} or {@code BIGINT}. */
    public static Affinity ofTypeName(String typeName) {
        String t = typeName.toUpperCase(Locale.ROOT);
        if (t.contains("INT")) {
            return INTEGER;
        }
        if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) {
            return TEXT;
        }
        if (t.isBlank() || t.contains("BLOB")) {
            return BLOB;
        }
        if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) {
            return REAL;
        }
        return NUMERIC;
    }

    /** Whether values compared with a column of this affinity are first converted to numbers. */
    public boolean isNumeric() {
        return this == INTEGER || this == REAL || this == NUMERIC;
    }

    /** {@code value} as a column of this affinity stores it. */
    public @Nullable Object apply(@Nullable Object value) {
        if (value == null || value instanceof Blob) {
            return value;
        }
        return switch (this) {
            case BLOB -> value;
            case TEXT -> value instanceof String ? value : Numbers.toText(value);
            case REAL -> {
                Object n = value instanceof String s ? Numbers.parseExact(s) : value;
                if (n == null) {
                    yield value;
                }
                yield n instanceof Long l ? (Object) l.doubleValue() : n;
            }
            case INTEGER, NUMERIC -> {
                Object n = value instanceof String s ? Numbers.parseExact(s) : value;
                if (n == null) {
                    yield value;
                }
                yield n instanceof Double d ? Numbers.normalizeReal(d) : n;
            }
        };
    }

    /**
     * {@code value} converted by {@code CAST(value AS type)}: unlike storage, a cast to a numeric type always yields a
     * number ({@code CAST('abc' AS INTEGER)} is 0) and a cast to INTEGER truncates.
     */
    public @Nullable Object cast(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        return switch (this) {
            case BLOB -> value;
            case TEXT -> Numbers.toText(value);
            case REAL -> Numbers.toDouble(Numbers.toNumeric(value));
            case INTEGER ->
                switch (value) {
                    case Long l -> l;
                    case Double d -> truncate(d);
                    case String s -> Numbers.parseIntegerPrefix(s);
                    case Blob b -> Numbers.parseIntegerPrefix(b.text());
                    default -> value;
                };
            case NUMERIC -> {
                Object n = Numbers.toNumeric(value);
                yield n instanceof Double d ? Numbers.normalizeReal(d) : n;
            }
        };
    }

    private static long truncate(double d) {
        if (Double.isNaN(d)) {
            return 0;
        }
        return (long) d;
    }
}
