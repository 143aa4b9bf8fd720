package dev.keel.sql;

import dev.keel.sql.value.Numbers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One result row: values by column name (case-insensitive) or position. Values are {@code Long}, {@code Double},
 * {@code String} or null.
 *
 * <p>Immutable.
 */
public final class Row {

    private final List<String> columns;
    private final @Nullable Object[] values;

    Row(List<String> columns, @Nullable Object[] values) {
        this.columns = columns;
        this.values = values;
    }

    /** The column names. */
    public List<String> columns() {
        return columns;
    }

    /** The values in column order. */
    public List<@Nullable Object> values() {
        return Collections.unmodifiableList(Arrays.asList(values.clone()));
    }

    /** The value at {@code index} (0-based). */
    public @Nullable Object get(int index) {
        if (index < 0 || index >= values.length) {
            throw new IndexOutOfBoundsException("index: " + index + " (expected: 0 to " + (values.length - 1) + ")");
        }
        return values[index];
    }

    /** The value of {@code column}. */
    public @Nullable Object get(String column) {
        return values[indexOf(column)];
    }

    /** Whether {@code column} is NULL. */
    public boolean isNull(String column) {
        return get(column) == null;
    }

    /**
     * {@code column} as an int.
     *
     * @throws IllegalStateException if it is NULL, not a number, or does not fit in an int
     */
    public int getInt(String column) {
        long v = getLong(column);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new IllegalStateException("column " + column + " = " + v + " does not fit in an int");
        }
        return (int) v;
    }

    /** {@code column} as a long (a real is truncated). */
    public long getLong(String column) {
        Object v = nonNull(column);
        return switch (v) {
            case Long l -> l;
            case Double d -> d.longValue();
            default -> throw new IllegalStateException("column " + column + " = '" + v + "' is not a number");
        };
    }

    /** {@code column} as a double. */
    public double getDouble(String column) {
        Object v = nonNull(column);
        return switch (v) {
            case Long l -> l.doubleValue();
            case Double d -> d;
            default -> throw new IllegalStateException("column " + column + " = '" + v + "' is not a number");
        };
    }

    /** {@code column} as a boolean (non-zero is true). */
    public boolean getBoolean(String column) {
        return getDouble(column) != 0;
    }

    /** {@code column} as text, or null when it is NULL. */
    public @Nullable String getString(String column) {
        return Numbers.toText(get(column));
    }

    private Object nonNull(String column) {
        Object v = get(column);
        if (v == null) {
            throw new IllegalStateException("column " + column + " is NULL (check isNull(\"" + column + "\") first)");
        }
        return v;
    }

    private int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equalsIgnoreCase(column)) {
                return i;
            }
        }
        throw new SqlException(
                SqlError.UNKNOWN_COLUMN,
                "no column '" + column + "' in this row (columns: " + String.join(", ", columns) + ")");
    }

    /** The row as a map from column name to value, in column order. */
    public Map<String, @Nullable Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            map.put(columns.get(i), values[i]);
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Row other && other.columns.equals(columns) && Arrays.equals(other.values, values);
    }

    @Override
    public int hashCode() {
        return columns.hashCode() * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Object v = values[i];
            parts.add(columns.get(i) + "=" + render(v));
        }
        return "Row{" + String.join(", ", parts) + "}";
    }

    private static String render(@Nullable Object v) {
        return v instanceof String s ? "'" + s + "'" : String.valueOf(Numbers.toText(v));
    }
}
