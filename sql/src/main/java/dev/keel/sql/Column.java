package dev.keel.sql;

import org.jspecify.annotations.Nullable;

/**
 * A column for {@link SQLEngine#createTable}: {@code Column.integer("id").primaryKey()}, {@code Column.text("name")}.
 *
 * <p>Immutable; the modifiers ({@link #primaryKey()}, {@link #notNull()}, {@link #unique()},
 * {@link #defaultValue(Object)}) return new columns.
 */
public final class Column {

    private final String name;
    private final ColumnType type;
    private final boolean primaryKey;
    private final boolean notNull;
    private final boolean unique;
    private final @Nullable Object defaultValue;

    private Column(
            String name,
            ColumnType type,
            boolean primaryKey,
            boolean notNull,
            boolean unique,
            @Nullable Object defaultValue) {
        if (name.isBlank()) {
            throw new IllegalArgumentException("name: '" + name + "' (expected: a non-blank column name)");
        }
        if (defaultValue != null
                && !(defaultValue instanceof Number
                        || defaultValue instanceof String
                        || defaultValue instanceof Boolean)) {
            throw new IllegalArgumentException(
                    "defaultValue: " + defaultValue.getClass().getName() + " (expected: a Number, String or Boolean)");
        }
        this.name = name;
        this.type = type;
        this.primaryKey = primaryKey;
        this.notNull = notNull;
        this.unique = unique;
        this.defaultValue = defaultValue;
    }

    /** The column's name. */
    public String name() {
        return name;
    }

    /** The column's type. */
    public ColumnType type() {
        return type;
    }

    /** Whether it is the primary key. */
    public boolean isPrimaryKey() {
        return primaryKey;
    }

    /** Whether NULL is rejected. */
    public boolean isNotNull() {
        return notNull;
    }

    /** Whether values must be distinct. */
    public boolean isUnique() {
        return unique;
    }

    /** The default value, or null for NULL. */
    public @Nullable Object defaultValue() {
        return defaultValue;
    }

    /** An INTEGER column. */
    public static Column integer(String name) {
        return new Column(name, ColumnType.INTEGER, false, false, false, null);
    }

    /** A BIGINT column. */
    public static Column bigint(String name) {
        return new Column(name, ColumnType.BIGINT, false, false, false, null);
    }

    /** A REAL column. */
    public static Column real(String name) {
        return new Column(name, ColumnType.REAL, false, false, false, null);
    }

    /** A TEXT column. */
    public static Column text(String name) {
        return new Column(name, ColumnType.TEXT, false, false, false, null);
    }

    /** A BOOLEAN column. */
    public static Column bool(String name) {
        return new Column(name, ColumnType.BOOLEAN, false, false, false, null);
    }

    /** This column as the primary key. */
    public Column primaryKey() {
        return new Column(name, type, true, notNull, unique, defaultValue);
    }

    /** This column, rejecting NULL. */
    public Column notNull() {
        return new Column(name, type, primaryKey, true, unique, defaultValue);
    }

    /** This column, with distinct values. */
    public Column unique() {
        return new Column(name, type, primaryKey, notNull, true, defaultValue);
    }

    /** This column with a default value. */
    public Column defaultValue(Object value) {
        return new Column(name, type, primaryKey, notNull, unique, value);
    }

    /** The column's definition in CREATE TABLE. */
    String definition() {
        StringBuilder sql =
                new StringBuilder(Identifiers.quote(name)).append(' ').append(type.sqlName());
        if (primaryKey) {
            sql.append(" PRIMARY KEY");
        }
        if (notNull) {
            sql.append(" NOT NULL");
        }
        if (unique) {
            sql.append(" UNIQUE");
        }
        if (defaultValue != null) {
            sql.append(" DEFAULT ").append(Identifiers.literal(defaultValue));
        }
        return sql.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Column c
                && c.name.equals(name)
                && c.type == type
                && c.primaryKey == primaryKey
                && c.notNull == notNull
                && c.unique == unique
                && java.util.Objects.equals(c.defaultValue, defaultValue);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, type, primaryKey, notNull, unique, defaultValue);
    }

    @Override
    public String toString() {
        return definition();
    }
}
