package dev.keel.sql.parse;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A parsed SQL statement. */
public sealed interface Statement {

    /** A query. */
    record Select(Query query) implements Statement {}

    /** {@code INSERT [OR conflict] INTO table [(columns)] VALUES ... | SELECT ...}. */
    record Insert(String table, List<String> columns, Query source, Conflict conflict, Position position)
            implements Statement {}

    /** {@code UPDATE table SET column = value, ... [WHERE ...]}. */
    record Update(
            String table,
            List<Assignment> assignments,
            @Nullable Expr where,
            Conflict conflict,
            Position position) implements Statement {}

    /** One {@code column = value} of an UPDATE. */
    record Assignment(String column, Expr value, Position position) {}

    /** {@code DELETE FROM table [WHERE ...]}. */
    record Delete(String table, @Nullable Expr where, Position position) implements Statement {}

    /** {@code CREATE TABLE}. */
    record CreateTable(
            String name,
            boolean ifNotExists,
            List<ColumnDefinition> columns,
            List<List<String>> uniqueKeys,
            List<String> primaryKey)
            implements Statement {}

    /** One column of a CREATE TABLE. */
    record ColumnDefinition(
            String name,
            String typeName,
            boolean primaryKey,
            boolean notNull,
            boolean unique,
            @Nullable Expr defaultValue) {}

    /** {@code DROP TABLE [IF EXISTS] name}. */
    record DropTable(String name, boolean ifExists) implements Statement {}

    /** {@code CREATE [UNIQUE] INDEX [IF NOT EXISTS] name ON table (columns)}. */
    record CreateIndex(String name, String table, boolean unique, boolean ifNotExists, List<IndexedColumn> columns)
            implements Statement {}

    /** A column of an index, with its direction. */
    record IndexedColumn(String name, boolean descending) {}

    /** {@code DROP INDEX [IF EXISTS] name}. */
    record DropIndex(String name, boolean ifExists) implements Statement {}

    /** {@code CREATE [TEMP] VIEW [IF NOT EXISTS] name [(columns)] AS query}. */
    record CreateView(String name, boolean ifNotExists, List<String> columnNames, Query query) implements Statement {}

    /** {@code DROP VIEW [IF EXISTS] name}. */
    record DropView(String name, boolean ifExists) implements Statement {}

    /** {@code CREATE TRIGGER}: kept as a named object on a table; its body is parsed but never fired. */
    record CreateTrigger(String name, String table, boolean ifNotExists) implements Statement {}

    /** {@code DROP TRIGGER [IF EXISTS] name}. */
    record DropTrigger(String name, boolean ifExists) implements Statement {}

    /** {@code REINDEX [name]}. */
    record Reindex(@Nullable String name) implements Statement {}

    /** {@code BEGIN [TRANSACTION]}. */
    record Begin() implements Statement {}

    /** {@code COMMIT} or {@code END}. */
    record Commit() implements Statement {}

    /** {@code ROLLBACK}. */
    record Rollback() implements Statement {}

    /**
     * {@code CHECKPOINT} (H2's and HSQLDB's statement): writes a file database's snapshot and truncates its log; a
     * no-op in memory.
     */
    record Checkpoint() implements Statement {}

    /** {@code EXPLAIN statement}: the plan instead of the result. */
    record Explain(Statement statement) implements Statement {}

    /** What INSERT or UPDATE does when a uniqueness constraint fails. */
    enum Conflict {
        ABORT,
        REPLACE,
        IGNORE
    }
}
