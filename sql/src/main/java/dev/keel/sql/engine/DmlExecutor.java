package dev.keel.sql.engine;

import dev.keel.sql.SqlError;
import dev.keel.sql.SqlException;
import dev.keel.sql.exec.ExecutionContext;
import dev.keel.sql.exec.Frame;
import dev.keel.sql.parse.Expr;
import dev.keel.sql.parse.Statement;
import dev.keel.sql.plan.QueryPlanner;
import dev.keel.sql.storage.Catalog;
import dev.keel.sql.storage.ChangeLog;
import dev.keel.sql.storage.TableSchema;
import dev.keel.sql.storage.TableStore;
import java.util.ArrayList;
import java.util.List;

/**
 * INSERT, UPDATE and DELETE. Each first computes everything it will write (the rows an INSERT ... SELECT reads, the
 * rows an UPDATE or DELETE matches) and only then changes the table, so a statement never sees its own changes
 * ({@code INSERT INTO t SELECT * FROM t} doubles t once).
 *
 * <p>Not thread-safe: runs under the database's write lock.
 */
final class DmlExecutor {

    private final Catalog catalog;
    private final ChangeLog log;
    private final ExecutionContext context;
    private final QueryPlanner planner;

    DmlExecutor(Catalog catalog, ChangeLog log, ExecutionContext context) {
        this.catalog = catalog;
        this.log = log;
        this.context = context;
        this.planner = new QueryPlanner(catalog);
    }

    StatementResult insert(Statement.Insert insert) {
        TableStore table = writableTable(insert.table());
        TableSchema schema = table.schema();
        int[] targets = targetColumns(schema, insert.columns());
        QueryPlanner.Result source = planner.plan(insert.source());
        List<Object[]> rows = new ArrayList<>();
        source.root().run(new Frame(null, context), rows::add);
        Object[] defaults = defaults(schema);
        long inserted = 0;
        for (Object[] row : rows) {
            if (row.length != targets.length) {
                throw new SqlException(
                        SqlError.INVALID_STATEMENT,
                        insert.columns().isEmpty()
                                ? "table " + schema.name() + " has " + schema.width() + " columns but " + row.length
                                        + " values were supplied"
                                : row.length + " values for " + targets.length + " columns");
            }
            Object[] values = defaults.clone();
            for (int i = 0; i < targets.length; i++) {
                values[targets[i]] = row[i];
            }
            applyAffinity(schema, values);
            if (table.insert(values, insert.conflict(), log)) {
                inserted++;
            }
        }
        return StatementResult.count(inserted);
    }

    private int[] targetColumns(TableSchema schema, List<String> columns) {
        if (columns.isEmpty()) {
            int[] all = new int[schema.width()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] targets = new int[columns.size()];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = column(schema, columns.get(i));
        }
        return targets;
    }

    private Object[] defaults(TableSchema schema) {
        Object[] values = new Object[schema.width()];
        Frame frame = new Frame(null, context);
        for (int i = 0; i < values.length; i++) {
            Expr defaultValue = schema.columns().get(i).defaultValue();
            if (defaultValue != null) {
                values[i] = planner.bindConstant(defaultValue).eval(frame);
            }
        }
        return values;
    }

    private static void applyAffinity(TableSchema schema, Object[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = schema.columns().get(i).affinity().apply(values[i]);
        }
    }

    StatementResult update(Statement.Update update) {
        TableStore table = writableTable(update.table());
        TableSchema schema = table.schema();
        int[] targets = new int[update.assignments().size()];
        List<Expr> values = new ArrayList<>();
        for (int i = 0; i < targets.length; i++) {
            Statement.Assignment a = update.assignments().get(i);
            targets[i] = column(schema, a.column());
            values.add(a.value());
        }
        QueryPlanner.TableRows plan = planner.planTableRows(table, update.where(), values);
        List<Object[]> before = matching(plan);
        List<Object[]> after = new ArrayList<>(before.size());
        Frame frame = new Frame(null, context);
        for (Object[] row : before) {
            frame.row = row;
            Object[] changed = java.util.Arrays.copyOf(row, schema.width());
            for (int i = 0; i < targets.length; i++) {
                changed[targets[i]] = plan.expressions().get(i).eval(frame);
            }
            applyAffinity(schema, changed);
            after.add(changed);
        }
        long updated = 0;
        for (int i = 0; i < before.size(); i++) {
            Object[] current = table.row((Long) before.get(i)[schema.width()]);
            if (current == before.get(i) && table.update(before.get(i), after.get(i), update.conflict(), log)) {
                updated++;
            }
        }
        return StatementResult.count(updated);
    }

    StatementResult delete(Statement.Delete delete) {
        TableStore table = writableTable(delete.table());
        List<Object[]> rows = matching(planner.planTableRows(table, delete.where(), List.of()));
        for (Object[] row : rows) {
            table.delete(row, log);
        }
        return StatementResult.count(rows.size());
    }

    private List<Object[]> matching(QueryPlanner.TableRows plan) {
        List<Object[]> rows = new ArrayList<>();
        plan.scan().run(new Frame(null, context), rows::add);
        return rows;
    }

    private TableStore writableTable(String name) {
        if (catalog.table(name) == null && catalog.view(name) != null) {
            throw new SqlException(SqlError.INVALID_STATEMENT, "cannot modify " + name + " because it is a view");
        }
        return catalog.requireTable(name);
    }

    private static int column(TableSchema schema, String name) {
        int i = schema.columnIndex(name);
        if (i < 0) {
            throw new SqlException(
                    SqlError.UNKNOWN_COLUMN,
                    "table " + schema.name() + " has no column named " + name + " (columns: " + schema.columnNames()
                            + ")");
        }
        return i;
    }
}
