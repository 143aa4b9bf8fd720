package dev.keel.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A table of a {@link SQLEngine}, for typed access without writing SQL: {@code users.insert(Map.of("id", 1, ...))},
 * {@code users.select(row -> row.getInt("age") > 25)}. Each call is one statement (atomic, autocommit unless the
 * calling thread has a transaction open).
 *
 * <p>Thread-safe, as the engine is.
 */
public final class Table {

    private final SQLEngine engine;
    private final String name;

    Table(SQLEngine engine, String name) {
        this.engine = engine;
        this.name = name;
    }

    /** The table's name. */
    public String name() {
        return name;
    }

    /**
     * Inserts one row; columns not given get their default (or NULL).
     *
     * @throws SqlException for an unknown column, a NOT NULL or uniqueness violation
     */
    public void insert(Map<String, ?> values) {
        if (values.isEmpty()) {
            engine.execute("INSERT INTO " + Identifiers.quote(name) + " DEFAULT VALUES");
            return;
        }
        List<String> columns = new ArrayList<>(values.keySet());
        String sql = "INSERT INTO " + Identifiers.quote(name) + " ("
                + columns.stream().map(Identifiers::quote).collect(Collectors.joining(", ")) + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        engine.execute(sql, columns.stream().map(values::get).toArray());
    }

    /** Every row, in primary-key (rowid) order. */
    public List<Row> rows() {
        return engine.query("SELECT * FROM " + Identifiers.quote(name)).rows();
    }

    /** The rows {@code filter} accepts, in primary-key (rowid) order. */
    public List<Row> select(Predicate<Row> filter) {
        return rows().stream().filter(filter).toList();
    }

    /** The number of rows. */
    public long count() {
        return engine.query("SELECT count(*) FROM " + Identifiers.quote(name))
                .rows()
                .getFirst()
                .getLong("count(*)");
    }
}
