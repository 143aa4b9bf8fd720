package dev.keel.sql;

import dev.keel.sql.engine.Database;
import dev.keel.sql.engine.Session;
import dev.keel.sql.engine.StatementResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * keel's embedded SQL engine: SQLite's dialect over in-memory tables ordered by primary key with secondary
 * indexes, a cost-aware planner and serializable transactions.
 *
 * <pre>{@code
 * SQLEngine db = SQLEngine.inMemory();
 * Table users = db.createTable("users", List.of(
 *         Column.integer("id").primaryKey(), Column.text("name"), Column.integer("age")));
 * users.insert(Map.of("id", 1, "name", "Alice", "age", 30));
 * List<Row> results = users.select(row -> row.getInt("age") > 25);
 * QueryResult r = db.query("SELECT name FROM users WHERE age > ? ORDER BY name", 25);
 * }</pre>
 *
 * <p>Thread-safe. Each call runs as its own transaction (autocommit) unless the calling thread has run
 * {@code BEGIN}; its later calls then join that transaction until it runs {@code COMMIT} or {@code ROLLBACK}.
 * Transactions are serializable: a writer (and an open transaction) excludes everyone else; readers share.
 */
public final class SQLEngine implements AutoCloseable {

    private final Database database;
    private final Map<Thread, Session> transactions = new ConcurrentHashMap<>();

    private SQLEngine(Database database) {
        this.database = database;
    }

    /** A new, empty in-memory database. */
    public static SQLEngine inMemory() {
        return new SQLEngine(new Database());
    }

    /**
     * Opens (or creates) the file database in {@code directory}: every committed transaction is in its write-ahead
     * log (forced to disk before the commit returns); every 16 MiB of log, and on {@link #checkpoint()}, the whole
     * database is written crash-safely to a checkpoint file and the log before it deleted. Opening loads the
     * checkpoint and replays the log after it, so after a crash, even {@code kill -9}, every committed transaction is
     * there and no uncommitted one is.
     *
     * @throws UncheckedIOException if the directory cannot be used or its log is damaged before its tail
     */
    public static SQLEngine open(Path directory) {
        try {
            return new SQLEngine(Database.open(directory));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the database in " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@link #open(Path)} with automatic checkpoints every {@code checkpointIntervalBytes} bytes of log instead of
     * 16 MiB: smaller means a shorter log to replay on open and more frequent pauses of commits while a checkpoint is
     * written (a checkpoint writes the whole database).
     *
     * @throws IllegalArgumentException if {@code checkpointIntervalBytes} is not positive
     * @throws UncheckedIOException if the directory cannot be used or its checkpoint or log is damaged
     */
    public static SQLEngine open(Path directory, long checkpointIntervalBytes) {
        if (checkpointIntervalBytes <= 0) {
            throw new IllegalArgumentException(
                    "checkpointIntervalBytes (" + checkpointIntervalBytes + ") must be positive");
        }
        try {
            return new SQLEngine(Database.open(directory, checkpointIntervalBytes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the database in " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a checkpoint of a file database now and truncates its log (the statement {@code CHECKPOINT} does the
     * same; a no-op in memory). Queries go on meanwhile; commits wait for it.
     *
     * @throws SqlException with SQLSTATE 25000 inside a transaction, 58030 if writing the checkpoint failed
     */
    public void checkpoint() {
        execute("CHECKPOINT");
    }

    /** Closes a file database's log (a no-op in memory). */
    @Override
    public void close() {
        database.close();
    }

    /**
     * Creates a table and returns it.
     *
     * @throws SqlException if a table, view or index of that name exists, or the columns are invalid
     */
    public Table createTable(String name, List<Column> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("columns: [] (expected: at least one column for table " + name + ")");
        }
        execute("CREATE TABLE " + Identifiers.quote(name) + " ("
                + columns.stream().map(Column::definition).collect(Collectors.joining(", ")) + ")");
        return new Table(this, name);
    }

    /**
     * An existing table.
     *
     * @throws SqlException if there is no table of that name
     */
    public Table table(String name) {
        query("SELECT * FROM " + Identifiers.quote(name) + " LIMIT 0");
        return new Table(this, name);
    }

    /** Runs a query with values for its {@code ?} parameters. */
    public QueryResult query(String sql, @Nullable Object... parameters) {
        StatementResult result = run(session -> session.execute(sql, parameters));
        return new QueryResult(result.columns(), result.rows(), result.updateCount());
    }

    /** Runs a statement with values for its {@code ?} parameters; returns the number of rows it changed. */
    public long execute(String sql, @Nullable Object... parameters) {
        StatementResult result = run(session -> session.execute(sql, parameters));
        return Math.max(0, result.updateCount());
    }

    /** Runs every statement of a script (separated by {@code ;}); returns each statement's result. */
    public List<QueryResult> executeScript(String sql) {
        List<QueryResult> results = new ArrayList<>();
        for (StatementResult r : run(session -> session.executeScript(sql))) {
            results.add(new QueryResult(r.columns(), r.rows(), r.updateCount()));
        }
        return results;
    }

    /** The lines of the plan EXPLAIN shows for {@code sql}. */
    public List<String> explain(String sql, @Nullable Object... parameters) {
        return query("EXPLAIN " + sql, parameters).rows().stream()
                .map(r -> String.valueOf(r.get(0)))
                .toList();
    }

    /** The tables and views, by name, with their columns and indexes. */
    public List<TableInfo> tables() {
        return run(Session::tables);
    }

    /** Whether the calling thread has a transaction open. */
    public boolean inTransaction() {
        return transactions.containsKey(Thread.currentThread());
    }

    private interface Work<T> {
        T run(Session session);
    }

    private <T> T run(Work<T> work) {
        Thread thread = Thread.currentThread();
        Session session = transactions.get(thread);
        if (session == null) {
            session = database.openSession();
        }
        try {
            return work.run(session);
        } finally {
            if (session.inTransaction()) {
                transactions.put(thread, session);
            } else {
                transactions.remove(thread);
            }
        }
    }
}
