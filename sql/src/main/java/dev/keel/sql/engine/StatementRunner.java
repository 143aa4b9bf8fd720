package dev.keel.sql.engine;

import dev.keel.sql.SqlError;
import dev.keel.sql.SqlException;
import dev.keel.sql.exec.ExecutionContext;
import dev.keel.sql.parse.Parser;
import dev.keel.sql.parse.Statement;
import dev.keel.sql.plan.Explain;
import dev.keel.sql.plan.QueryPlanner;
import dev.keel.sql.storage.Catalog;
import dev.keel.sql.storage.ChangeLog;
import dev.keel.sql.storage.ColumnSchema;
import dev.keel.sql.storage.IndexSchema;
import dev.keel.sql.storage.SecondaryIndex;
import dev.keel.sql.storage.TableSchema;
import dev.keel.sql.storage.TableStore;
import dev.keel.sql.storage.ViewDefinition;
import dev.keel.sql.value.Affinity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs one writing statement: DML through {@link DmlExecutor}, DDL here (tables, indexes, views, triggers).
 *
 * <p>Not thread-safe: runs under the database's write lock.
 */
final class StatementRunner {

    private final Catalog catalog;
    private final ChangeLog log;
    private final ExecutionContext context;
    private final Parser.Parsed source;

    StatementRunner(Catalog catalog, ChangeLog log, ExecutionContext context, Parser.Parsed source) {
        this.catalog = catalog;
        this.log = log;
        this.context = context;
        this.source = source;
    }

    StatementResult run(Statement statement) {
        if (!(statement instanceof Statement.Insert
                || statement instanceof Statement.Update
                || statement instanceof Statement.Delete
                || statement instanceof Statement.Explain)) {
            catalog.changed();
        }
        DmlExecutor dml = new DmlExecutor(catalog, log, context);
        return switch (statement) {
            case Statement.Insert insert -> dml.insert(insert);
            case Statement.Update update -> dml.update(update);
            case Statement.Delete delete -> dml.delete(delete);
            case Statement.CreateTable create -> createTable(create);
            case Statement.DropTable drop -> dropTable(drop);
            case Statement.CreateIndex create -> createIndex(create);
            case Statement.DropIndex drop -> dropIndex(drop);
            case Statement.CreateView create -> createView(create);
            case Statement.DropView drop -> dropView(drop);
            case Statement.CreateTrigger create -> createTrigger(create);
            case Statement.DropTrigger drop -> dropTrigger(drop);
            case Statement.Reindex reindex -> reindex(reindex);
            case Statement.Explain explain -> explain(explain.statement());
            case Statement.Select s -> throw new IllegalStateException("queries run under the read lock");
            case Statement.Begin b -> throw new IllegalStateException("transactions are handled by the session");
            case Statement.Commit c -> throw new IllegalStateException("transactions are handled by the session");
            case Statement.Rollback r -> throw new IllegalStateException("transactions are handled by the session");
            case Statement.Checkpoint c -> throw new IllegalStateException("checkpoints are handled by the session");
        };
    }

    private StatementResult explain(Statement statement) {
        QueryPlanner planner = new QueryPlanner(catalog);
        List<String> lines = switch (statement) {
            case Statement.Update u ->
                withHeader(
                        "UPDATE " + u.table(),
                        Explain.lines(planner.planTableRows(catalog.requireTable(u.table()), u.where(), List.of())
                                .scan()));
            case Statement.Delete d ->
                withHeader(
                        "DELETE FROM " + d.table(),
                        Explain.lines(planner.planTableRows(catalog.requireTable(d.table()), d.where(), List.of())
                                .scan()));
            case Statement.Insert i ->
                withHeader(
                        "INSERT INTO " + i.table(),
                        Explain.lines(planner.plan(i.source()).root()));
            default -> List.of(statement.getClass().getSimpleName().toUpperCase(Locale.ROOT));
        };
        List<Object[]> rows = new ArrayList<>();
        for (String line : lines) {
            rows.add(new Object[] {line});
        }
        return new StatementResult(List.of("plan"), rows, -1);
    }

    private static List<String> withHeader(String header, List<String> lines) {
        List<String> all = new ArrayList<>();
        all.add(header);
        lines.forEach(l -> all.add("  " + l));
        return all;
    }

    private StatementResult createTable(Statement.CreateTable create) {
        if (create.ifNotExists() && (catalog.table(create.name()) != null || catalog.view(create.name()) != null)) {
            return StatementResult.count(0);
        }
        TableSchema schema = TableDefinitions.schema(create);
        TableStore table = catalog.createTable(schema, definitionText("CREATE TABLE"), log);
        int n = 0;
        for (List<Integer> key : TableDefinitions.uniqueKeys(create, schema)) {
            n++;
            IndexSchema index = new IndexSchema(
                    "sqlite_autoindex_" + schema.name() + "_" + n,
                    schema.name(),
                    key,
                    key.stream().map(k -> false).toList(),
                    true,
                    true);
            table.addIndex(index, log);
        }
        return StatementResult.count(0);
    }

    /**
     * The text of this CREATE statement, which a checkpoint stores to re-create the object; a {@code ?} in it would
     * make the text alone meaningless, so it is refused (SQLite refuses parameters in views and defaults too).
     */
    private String definitionText(String statement) {
        if (source.parameterCount() > 0) {
            throw new SqlException(
                    SqlError.INVALID_STATEMENT,
                    statement + " takes no ? parameters (found " + source.parameterCount()
                            + "): write the values into the statement");
        }
        return source.sql();
    }

    private StatementResult dropTable(Statement.DropTable drop) {
        TableStore table = catalog.table(drop.name());
        if (table == null) {
            if (catalog.view(drop.name()) != null) {
                throw new SqlException(SqlError.INVALID_STATEMENT, "use DROP VIEW to delete view " + drop.name());
            }
            if (drop.ifExists()) {
                return StatementResult.count(0);
            }
            catalog.requireTable(drop.name());
        }
        catalog.dropTable(table, log);
        return StatementResult.count(0);
    }

    private StatementResult createIndex(Statement.CreateIndex create) {
        if (create.ifNotExists() && catalog.index(create.name()) != null) {
            return StatementResult.count(0);
        }
        TableStore table = catalog.requireTable(create.table());
        catalog.checkNameFree(create.name());
        List<Integer> columns = new ArrayList<>();
        for (Statement.IndexedColumn c : create.columns()) {
            int i = table.schema().columnIndex(c.name());
            if (i < 0) {
                throw new SqlException(
                        SqlError.UNKNOWN_COLUMN,
                        "table " + table.schema().name() + " has no column named " + c.name() + " (columns: "
                                + table.schema().columnNames() + ")");
            }
            columns.add(i);
        }
        table.addIndex(
                new IndexSchema(
                        create.name(),
                        table.schema().name(),
                        columns,
                        create.columns().stream()
                                .map(Statement.IndexedColumn::descending)
                                .toList(),
                        create.unique(),
                        false),
                log);
        return StatementResult.count(0);
    }

    private StatementResult dropIndex(Statement.DropIndex drop) {
        Catalog.IndexEntry entry = catalog.index(drop.name());
        if (entry == null) {
            if (drop.ifExists()) {
                return StatementResult.count(0);
            }
            throw new SqlException(SqlError.UNKNOWN_OBJECT, "no such index: " + drop.name());
        }
        if (entry.index().schema().automatic()) {
            throw new SqlException(
                    SqlError.INVALID_STATEMENT,
                    "index " + drop.name() + " belongs to a UNIQUE or PRIMARY KEY constraint and cannot be dropped");
        }
        entry.table().dropIndex(entry.index(), log);
        return StatementResult.count(0);
    }

    private StatementResult createView(Statement.CreateView create) {
        if (create.ifNotExists() && catalog.view(create.name()) != null) {
            return StatementResult.count(0);
        }
        catalog.checkNameFree(create.name());
        ViewDefinition view =
                new ViewDefinition(create.name(), create.columnNames(), create.query(), definitionText("CREATE VIEW"));
        QueryPlanner.Result plan = new QueryPlanner(catalog).plan(create.query());
        if (!create.columnNames().isEmpty()
                && create.columnNames().size() != plan.columnNames().size()) {
            throw new SqlException(
                    SqlError.INVALID_STATEMENT,
                    "view " + create.name() + " names " + create.columnNames().size()
                            + " columns but its query returns "
                            + plan.columnNames().size());
        }
        catalog.createView(view, log);
        return StatementResult.count(0);
    }

    private StatementResult dropView(Statement.DropView drop) {
        ViewDefinition view = catalog.view(drop.name());
        if (view == null) {
            if (drop.ifExists()) {
                return StatementResult.count(0);
            }
            throw new SqlException(SqlError.UNKNOWN_TABLE, "no such view: " + drop.name());
        }
        catalog.dropView(view, log);
        return StatementResult.count(0);
    }

    private StatementResult createTrigger(Statement.CreateTrigger create) {
        if (create.ifNotExists() && catalog.hasTrigger(create.name())) {
            return StatementResult.count(0);
        }
        catalog.requireTable(create.table());
        catalog.createTrigger(create.name(), create.table(), log);
        return StatementResult.count(0);
    }

    private StatementResult dropTrigger(Statement.DropTrigger drop) {
        if (!catalog.hasTrigger(drop.name())) {
            if (drop.ifExists()) {
                return StatementResult.count(0);
            }
            throw new SqlException(SqlError.UNKNOWN_OBJECT, "no such trigger: " + drop.name());
        }
        catalog.dropTrigger(drop.name(), log);
        return StatementResult.count(0);
    }

    private StatementResult reindex(Statement.Reindex reindex) {
        if (reindex.name() == null) {
            catalog.tables().forEach(t -> t.indexes().forEach(t::rebuild));
            return StatementResult.count(0);
        }
        Catalog.IndexEntry entry = catalog.index(reindex.name());
        if (entry != null) {
            entry.table().rebuild(entry.index());
            return StatementResult.count(0);
        }
        TableStore table = catalog.table(reindex.name());
        if (table == null) {
            throw new SqlException(
                    SqlError.UNKNOWN_OBJECT, "unable to identify the object to be reindexed: " + reindex.name());
        }
        for (SecondaryIndex index : table.indexes()) {
            table.rebuild(index);
        }
        return StatementResult.count(0);
    }

    /** Turns CREATE TABLE's syntax into a schema, checking it. */
    static final class TableDefinitions {
        private TableDefinitions() {}

        static TableSchema schema(Statement.CreateTable create) {
            Set<String> names = new HashSet<>();
            List<ColumnSchema> columns = new ArrayList<>();
            List<Integer> primaryKey = new ArrayList<>();
            for (int i = 0; i < create.columns().size(); i++) {
                Statement.ColumnDefinition c = create.columns().get(i);
                if (!names.add(c.name().toLowerCase(Locale.ROOT))) {
                    throw new SqlException(
                            SqlError.DUPLICATE_OBJECT,
                            "duplicate column name: " + c.name() + " in table " + create.name());
                }
                if (c.primaryKey()) {
                    primaryKey.add(i);
                }
            }
            if (!create.primaryKey().isEmpty()) {
                if (!primaryKey.isEmpty()) {
                    throw new SqlException(
                            SqlError.INVALID_STATEMENT, "table " + create.name() + " has more than one primary key");
                }
                for (String name : create.primaryKey()) {
                    primaryKey.add(indexOf(create, name));
                }
            } else if (primaryKey.size() > 1) {
                throw new SqlException(
                        SqlError.INVALID_STATEMENT, "table " + create.name() + " has more than one primary key");
            }
            int rowidColumn = -1;
            if (primaryKey.size() == 1
                    && create.columns().get(primaryKey.getFirst()).typeName().equalsIgnoreCase("INTEGER")) {
                rowidColumn = primaryKey.getFirst();
            }
            for (int i = 0; i < create.columns().size(); i++) {
                Statement.ColumnDefinition c = create.columns().get(i);
                boolean notNull = c.notNull() || (primaryKey.contains(i) && i != rowidColumn);
                columns.add(new ColumnSchema(
                        c.name(), c.typeName(), Affinity.ofTypeName(c.typeName()), notNull, c.defaultValue()));
            }
            return new TableSchema(create.name(), columns, rowidColumn, primaryKey);
        }

        static List<List<Integer>> uniqueKeys(Statement.CreateTable create, TableSchema schema) {
            List<List<Integer>> keys = new ArrayList<>();
            if (!schema.primaryKey().isEmpty() && schema.rowidColumn() < 0) {
                keys.add(schema.primaryKey());
            }
            for (int i = 0; i < create.columns().size(); i++) {
                if (create.columns().get(i).unique()) {
                    keys.add(List.of(i));
                }
            }
            for (List<String> names : create.uniqueKeys()) {
                keys.add(names.stream().map(n -> indexOf(create, n)).toList());
            }
            return keys;
        }

        private static int indexOf(Statement.CreateTable create, String name) {
            for (int i = 0; i < create.columns().size(); i++) {
                if (create.columns().get(i).name().equalsIgnoreCase(name)) {
                    return i;
                }
            }
            throw new SqlException(SqlError.UNKNOWN_COLUMN, "no such column: " + name + " in table " + create.name());
        }
    }
}
