package dev.keel.sql.plan;

import dev.keel.sql.SqlError;
import dev.keel.sql.SqlException;
import dev.keel.sql.parse.Expr;
import dev.keel.sql.parse.Position;
import dev.keel.sql.parse.Query;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A SELECT's output columns with {@code *} expanded: their expressions, names and aliases, and how ORDER BY and
 * GROUP BY terms refer to them (by ordinal, or by alias).
 *
 * @param expressions the output expressions
 * @param names the output column names
 * @param aliases each column's alias, or null
 */
record SelectList(List<Expr> expressions, List<String> names, List<@Nullable String> aliases) {

    static SelectList expand(List<Query.SelectItem> items, Scope scope) {
        List<Expr> expressions = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        Position here = new Position(0, 0);
        for (Query.SelectItem item : items) {
            switch (item) {
                case Query.Star star -> {
                    boolean any = false;
                    for (Source s : scope.sources()) {
                        if (star.table() != null && !s.alias().equalsIgnoreCase(star.table())) {
                            continue;
                        }
                        any = true;
                        for (String column : s.columns()) {
                            expressions.add(new Expr.ColumnRef(s.alias(), column, here));
                            names.add(column);
                            aliases.add(null);
                        }
                    }
                    if (!any) {
                        throw new SqlException(
                                star.table() == null ? SqlError.INVALID_STATEMENT : SqlError.UNKNOWN_TABLE,
                                star.table() == null ? "no tables specified for *" : "no such table: " + star.table());
                    }
                }
                case Query.ExprItem e -> {
                    expressions.add(e.expr());
                    String name = e.alias() != null
                            ? e.alias()
                            : e.expr() instanceof Expr.ColumnRef ref ? ref.column() : e.text();
                    names.add(name);
                    aliases.add(e.alias());
                    if (e.alias() != null) {
                        scope.addOutputAlias(e.alias(), e.expr());
                    }
                }
            }
        }
        return new SelectList(
                List.copyOf(expressions), List.copyOf(names), java.util.Collections.unmodifiableList(aliases));
    }

    /** A GROUP BY term: an integer literal k means the k-th output expression. */
    Expr ordinal(Expr term) {
        if (term instanceof Expr.Literal(Long k)) {
            if (k < 1 || k > expressions.size()) {
                throw new SqlException(
                        SqlError.INVALID_STATEMENT,
                        "GROUP BY term " + k + " out of range - should be between 1 and " + expressions.size());
            }
            return expressions.get((int) (k - 1));
        }
        return term;
    }

    /** The output column an ORDER BY term names (ordinal or alias), or -1 when it is an expression of its own. */
    int orderKey(Expr term) {
        if (term instanceof Expr.Literal(Long k)) {
            if (k < 1 || k > expressions.size()) {
                throw new SqlException(
                        SqlError.INVALID_STATEMENT,
                        "ORDER BY term " + k + " out of range - should be between 1 and " + expressions.size());
            }
            return (int) (k - 1);
        }
        if (term instanceof Expr.ColumnRef ref && ref.table() == null) {
            for (int i = 0; i < aliases.size(); i++) {
                if (ref.column().equalsIgnoreCase(aliases.get(i))) {
                    return i;
                }
            }
        }
        for (int i = 0; i < expressions.size(); i++) {
            if (expressions.get(i).equals(term)) {
                return i;
            }
        }
        return -1;
    }
}
