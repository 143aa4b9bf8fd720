package dev.keel.sql.storage;

import dev.keel.sql.parse.Expr;
import dev.keel.sql.value.Affinity;
import org.jspecify.annotations.Nullable;

/**
 * A column of a table.
 *
 * @param name the column's name as declared
 * @param typeName the declared type ({@code VARCHAR(8)}), possibly empty
 * @param affinity the affinity derived from the type name
 * @param notNull whether NULL is rejected
 * @param defaultValue the DEFAULT expression, or null (the default is then NULL)
 */
public record ColumnSchema(
        String name,
        String typeName,
        Affinity affinity,
        boolean notNull,
        @Nullable Expr defaultValue) {}
