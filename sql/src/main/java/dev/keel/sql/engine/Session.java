package dev.keel.sql.engine;

import dev.keel.sql.SqlError;
import dev.keel.sql.SqlException;
import dev.keel.sql.TableInfo;
import dev.keel.sql.exec.ExecutionContext;
import dev.keel.sql.exec.Frame;
import dev.keel.sql.parse.Display;
import dev.keel.sql.parse.Parser;
import dev.keel.sql.parse.Statement;
import dev.keel.sql.plan.Explain;
import dev.keel.sql.plan.QueryPlanner;
import dev.keel.sql.storage.ChangeLog;
import dev.keel.sql.storage.ColumnSchema;
import dev.keel.sql.storage.IndexSchema;
import dev.keel.sql.storage.SecondaryIndex;
import dev.keel.sql.storage.TableSchema;
import dev.keel.sql.storage.TableStore;
import dev.keel.sql.storage.ViewDefinition;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;
import org.jspecify.annotations.Nullable;

/**
 * One connection to a {@link Database}: runs statements in autocommit mode or inside BEGIN ... COMMIT/ROLLBACK.
 *
 * <p>How it is designed, and why: every statement is atomic. Its changes are recorded in the session's
 * {@link ChangeLog} as they are applied; if the statement fails, the log undoes them (a failed multi-row INSERT leaves
 * no row behind). Outside a transaction the log is cleared after each statement; inside one it grows until COMMIT
 * (cleared) or ROLLBACK (undone). Isolation is serializable by construction: a writing statement, and a whole
 * explicit transaction, holds the database's write lock, so no other session sees uncommitted changes or changes the
 * data underneath it; queries outside a transaction share the read lock. This is SQLite's model (one writer at a
 * time) without its file locks; MVCC, which would let readers proceed during a long write transaction, is later work.
 *
 * <p>Not thread-safe: one thread at a time; a transaction must end on the thread that began it (the lock is
 * per thread).
 */
public final class Session implements AutoCloseable {

    private final Database database;
    private final ChangeLog log = new ChangeLog();
    private final PlanCache plans = new PlanCache();
    private final List<CommitLog.Entry> pending = new ArrayList<>();
    private boolean inTransaction;

    Session(Database database) {
        this.database = database;
    }

    /** Whether an explicit transaction is open. */
    public boolean inTransaction() {
        return inTransaction;
    }

    /** Runs every statement in {@code sql} (separated by {@code ;}), returning each one's result. */
    public List<StatementResult> executeScript(String sql) {
        List<StatementResult> results = new ArrayList<>();
        for (Parser.Parsed parsed : Parser.parseScript(sql)) {
            results.add(execute(parsed, new Object[0]));
        }
        return results;
    }

    /** Runs the single statement in {@code sql} with values for its {@code ?} parameters. */
    public StatementResult execute(String sql, @Nullable Object... parameters) {
        return execute(Parser.parseStatement(sql), parameters);
    }

    /** Runs a parsed statement with values for its {@code ?} parameters. */
    public StatementResult execute(Parser.Parsed parsed, @Nullable Object[] parameters) {
        if (parameters.length != parsed.parameterCount()) {
            throw new SqlException(
                    SqlError.DATA_EXCEPTION,
                    "the statement takes " + parsed.parameterCount() + " parameter(s), " + parameters.length
                            + " given");
        }
        Object[] values = new Object[parameters.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = toSqlValue(parameters[i], i);
        }
        ExecutionContext context = new ExecutionContext(values);
        Statement statement = parsed.statement();
        return switch (statement) {
            case Statement.Begin b -> begin();
            case Statement.Commit c -> commit();
            case Statement.Rollback r -> rollback();
            case Statement.Select s -> read(() -> query(s, context));
            case Statement.Explain e when e.statement() instanceof Statement.Select s -> read(() -> explain(s));
            case Statement.Checkpoint c -> checkpoint();
            default -> write(parsed, context, new CommitLog.Entry(parsed.sql(), values));
        };
    }

    private StatementResult query(Statement.Select select, ExecutionContext context) {
        QueryPlanner.Result plan = plans.plan(select, database.catalog());
        List<Object[]> rows = new ArrayList<>();
        plan.root().run(new Frame(null, context), rows::add);
        return new StatementResult(plan.columnNames(), rows, -1);
    }

    private StatementResult explain(Statement.Select select) {
        QueryPlanner.Result plan = new QueryPlanner(database.catalog()).plan(select.query());
        List<Object[]> rows = new ArrayList<>();
        for (String line : Explain.lines(plan.root())) {
            rows.add(new Object[] {line});
        }
        return new StatementResult(List.of("plan"), rows, -1);
    }

    private interface Action {
        StatementResult run();
    }

    private StatementResult read(Action action) {
        if (inTransaction) {
            return guarded(action);
        }
        Lock lock = database.lock().readLock();
        lock.lock();
        try {
            return guarded(action);
        } finally {
            lock.unlock();
        }
    }

    private StatementResult write(Parser.Parsed parsed, ExecutionContext context, CommitLog.Entry entry) {
        Statement statement = parsed.statement();
        Lock lock = database.lock().writeLock();
        lock.lock();
        int mark = log.mark();
        StatementResult result;
        try {
            result = guarded(() -> new StatementRunner(database.catalog(), log, context, parsed).run(statement));
            if (!(statement instanceof Statement.Explain)) {
                if (inTransaction) {
                    pending.add(entry);
                } else {
                    logCommitted(List.of(entry));
                }
            }
        } catch (RuntimeException | Error e) {
            log.rollbackTo(mark, database.catalog());
            throw e;
        } finally {
            if (!inTransaction) {
                log.clear();
            }
            lock.unlock();
        }
        if (!inTransaction) {
            database.checkpointIfDue();
        }
        return result;
    }

    private static StatementResult guarded(Action action) {
        try {
            return action.run();
        } catch (ArithmeticException e) {
            throw new SqlException(SqlError.NUMERIC_OVERFLOW, "integer overflow: " + e.getMessage());
        } catch (StackOverflowError e) {
            throw new SqlException(SqlError.INVALID_STATEMENT, "statement too deeply nested to run");
        }
    }

    private StatementResult begin() {
        if (inTransaction) {
            throw new SqlException(
                    SqlError.INVALID_TRANSACTION_STATE, "cannot start a transaction within a transaction");
        }
        database.lock().writeLock().lock();
        inTransaction = true;
        return StatementResult.count(0);
    }

    private StatementResult commit() {
        if (!inTransaction) {
            throw new SqlException(SqlError.INVALID_TRANSACTION_STATE, "cannot commit - no transaction is active");
        }
        try {
            logCommitted(pending);
        } catch (SqlException e) {
            log.rollbackTo(0, database.catalog());
            pending.clear();
            end();
            throw e;
        }
        log.clear();
        pending.clear();
        end();
        database.checkpointIfDue();
        return StatementResult.count(0);
    }

    private StatementResult checkpoint() {
        if (inTransaction) {
            throw new SqlException(
                    SqlError.INVALID_TRANSACTION_STATE,
                    "cannot checkpoint within a transaction: COMMIT or ROLLBACK first");
        }
        try {
            database.checkpoint();
        } catch (IOException e) {
            throw new SqlException(SqlError.STORAGE_FAILURE, "the checkpoint failed: " + e.getMessage());
        }
        return StatementResult.count(0);
    }

    /** Appends a committed transaction to a file database's log; a failure means it did not commit. */
    private void logCommitted(List<CommitLog.Entry> transaction) {
        CommitLog commitLog = database.commitLog();
        if (commitLog == null || transaction.isEmpty()) {
            return;
        }
        try {
            commitLog.append(transaction);
        } catch (IOException | RuntimeException e) {
            throw new SqlException(
                    SqlError.STORAGE_FAILURE,
                    "the transaction was not committed: writing the log failed: " + e.getMessage());
        }
    }

    private StatementResult rollback() {
        if (!inTransaction) {
            throw new SqlException(SqlError.INVALID_TRANSACTION_STATE, "cannot rollback - no transaction is active");
        }
        log.rollbackTo(0, database.catalog());
        pending.clear();
        end();
        return StatementResult.count(0);
    }

    private void end() {
        inTransaction = false;
        database.lock().writeLock().unlock();
    }

    /** The tables and views, by name, with their columns and indexes. */
    public List<TableInfo> tables() {
        Lock lock = inTransaction ? null : database.lock().readLock();
        if (lock != null) {
            lock.lock();
        }
        try {
            List<TableInfo> tables = new ArrayList<>();
            for (TableStore table : database.catalog().tables()) {
                TableSchema schema = table.schema();
                List<TableInfo.ColumnInfo> columns = new ArrayList<>();
                for (int i = 0; i < schema.width(); i++) {
                    ColumnSchema c = schema.columns().get(i);
                    columns.add(new TableInfo.ColumnInfo(
                            c.name(),
                            c.typeName(),
                            c.notNull(),
                            schema.primaryKey().contains(i),
                            c.defaultValue() == null ? null : Display.of(c.defaultValue())));
                }
                List<String> indexes = new ArrayList<>();
                for (SecondaryIndex index : table.indexes()) {
                    IndexSchema is = index.schema();
                    if (!is.automatic()) {
                        List<String> names = new ArrayList<>();
                        for (int k = 0; k < is.columns().size(); k++) {
                            names.add(schema.columns().get(is.columns().get(k)).name()
                                    + (is.descending().get(k) ? " DESC" : ""));
                        }
                        indexes.add("CREATE " + (is.unique() ? "UNIQUE " : "") + "INDEX " + is.name() + " ON "
                                + schema.name() + "(" + String.join(", ", names) + ");");
                    }
                }
                tables.add(new TableInfo(schema.name(), false, columns, indexes));
            }
            for (ViewDefinition view : database.catalog().views()) {
                List<TableInfo.ColumnInfo> columns = new ArrayList<>();
                for (String name :
                        new QueryPlanner(database.catalog()).plan(view.query()).columnNames()) {
                    columns.add(new TableInfo.ColumnInfo(name, "", false, false, null));
                }
                tables.add(new TableInfo(view.name(), true, columns, List.of()));
            }
            tables.sort(java.util.Comparator.comparing(t -> t.name().toLowerCase(java.util.Locale.ROOT)));
            return tables;
        } finally {
            if (lock != null) {
                lock.unlock();
            }
        }
    }

    /** Ends the session, rolling back an open transaction. */
    @Override
    public void close() {
        if (inTransaction) {
            rollback();
        }
    }

    /** A Java value as a SQL value: integers to INTEGER, floating point to REAL, text, booleans to 1/0. */
    static @Nullable Object toSqlValue(@Nullable Object value, int index) {
        return switch (value) {
            case null -> null;
            case Long l -> l;
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case Double d -> d;
            case Float f -> f.doubleValue();
            case String s -> s;
            case Boolean b -> b ? 1L : 0L;
            case BigInteger b -> b.bitLength() < 64 ? (Object) b.longValue() : (Object) b.doubleValue();
            case BigDecimal d ->
                d.scale() <= 0 && d.precision() - d.scale() < 19
                        ? (Object) d.longValueExact()
                        : (Object) d.doubleValue();
            case Character c -> String.valueOf(c);
            case byte[] bytes -> new dev.keel.sql.value.Blob(bytes);
            case dev.keel.sql.value.Blob blob -> blob;
            default ->
                throw new SqlException(
                        SqlError.DATA_EXCEPTION,
                        "parameter " + (index + 1) + " is a " + value.getClass().getName()
                                + " (expected: a number, a String, a Boolean or null)");
        };
    }
}
