package dev.keel.sql.plan;

import dev.keel.sql.SqlError;
import dev.keel.sql.SqlException;
import dev.keel.sql.exec.Coverage;
import dev.keel.sql.exec.Expression;
import dev.keel.sql.parse.Expr;
import dev.keel.sql.storage.TableStore;
import dev.keel.sql.value.Affinity;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The names visible in one SELECT: its FROM sources and, outside them, the enclosing queries' scopes. Resolving a
 * column records which source it came from (the planner uses this to push conditions down and to find join keys)
 * and whether the query reads an enclosing row (it is then correlated and re-run per row).
 *
 * <p>Not thread-safe: one per planning.
 */
final class Scope {

    private final @Nullable Scope parent;
    private final List<Source> sources = new ArrayList<>();
    private final Map<String, Expr> outputAliases = new TreeMap<>();
    private int width;
    private long referenced;
    private boolean correlated;
    /** Every slot a column name resolved to, here or from a subquery; null where scans must yield stored rows. */
    private @Nullable BitSet readSlots;

    Scope(@Nullable Scope parent) {
        this.parent = parent;
    }

    /** Lets this SELECT's index scans be covering: records the slots its expressions read (see {@link Coverage}). */
    void allowCoveringScans() {
        readSlots = new BitSet();
    }

    /** What the scan of {@code source} may read, or null when it must yield the stored rows (UPDATE, DELETE). */
    @Nullable
    Coverage coverage(Source source) {
        TableStore table = source.table();
        if (readSlots == null || table == null) {
            return null;
        }
        return new Coverage(
                readSlots, source.offset(), source.width(), table.schema().rowidColumn());
    }

    @Nullable
    Scope parent() {
        return parent;
    }

    List<Source> sources() {
        return sources;
    }

    int width() {
        return width;
    }

    boolean correlated() {
        return correlated;
    }

    /** Sources referenced since the last reset, one bit per source index. */
    long referenced() {
        return referenced;
    }

    void setReferenced(long mask) {
        referenced = mask;
    }

    Source addTable(
            String alias,
            List<String> columns,
            List<Affinity> affinities,
            dev.keel.sql.storage.@Nullable TableStore table,
            dev.keel.sql.exec.@Nullable PlanNode derived) {
        if (sources.size() == 64) {
            throw new SqlException(SqlError.INVALID_STATEMENT, "at most 64 tables in a join");
        }
        for (Source s : sources) {
            if (s.alias().equalsIgnoreCase(alias)) {
                throw new SqlException(
                        SqlError.INVALID_STATEMENT,
                        "ambiguous table name " + alias + " in FROM (give each occurrence its own alias)");
            }
        }
        int slots = columns.size() + (table == null ? 0 : 1);
        Source source = new Source(alias, columns, affinities, width, slots, table, derived);
        sources.add(source);
        width += slots;
        return source;
    }

    void addOutputAlias(String alias, Expr expr) {
        outputAliases.putIfAbsent(alias.toLowerCase(Locale.ROOT), expr);
    }

    @Nullable
    Expr outputAlias(String name) {
        return outputAliases.get(name.toLowerCase(Locale.ROOT));
    }

    /** Resolves {@code [table.]column} here or in an enclosing scope, or returns null. */
    Expression.@Nullable ColumnValue resolve(@Nullable String table, String column) {
        int depth = 0;
        for (Scope s = this; s != null; s = s.parent, depth++) {
            Expression.ColumnValue found = s.resolveLocal(table, column, depth);
            if (found != null) {
                for (Scope inner = this; inner != s; inner = inner.parent) {
                    inner.correlated = true;
                }
                return found;
            }
        }
        return null;
    }

    private Expression.@Nullable ColumnValue resolveLocal(@Nullable String table, String column, int depth) {
        Expression.ColumnValue found = null;
        for (int i = 0; i < sources.size(); i++) {
            Source s = sources.get(i);
            if (table != null && !s.alias().equalsIgnoreCase(table)) {
                continue;
            }
            int slot = -1;
            Affinity affinity = Affinity.INTEGER;
            for (int c = 0; c < s.columns().size(); c++) {
                if (s.columns().get(c).equalsIgnoreCase(column)) {
                    slot = s.offset() + c;
                    affinity = s.affinities().get(c);
                    break;
                }
            }
            if (slot < 0 && s.table() != null && isRowidName(column)) {
                slot = s.rowidSlot();
            }
            if (slot < 0) {
                continue;
            }
            if (found != null) {
                throw new SqlException(
                        SqlError.UNKNOWN_COLUMN,
                        "ambiguous column name: " + column + " (in " + describeSources()
                                + "; qualify it with a table name)");
            }
            referenced |= 1L << i;
            if (readSlots != null) {
                readSlots.set(slot);
            }
            found = new Expression.ColumnValue(depth, slot, affinity, (table == null ? "" : s.alias() + ".") + column);
        }
        return found;
    }

    private static boolean isRowidName(String column) {
        return column.equalsIgnoreCase("rowid") || column.equalsIgnoreCase("oid") || column.equalsIgnoreCase("_rowid_");
    }

    /** "t1(a, b), t2(c)" for error messages. */
    String describeSources() {
        List<String> parts = new ArrayList<>();
        for (Source s : sources) {
            parts.add(s.alias() + "(" + String.join(", ", s.columns()) + ")");
        }
        return parts.isEmpty() ? "no tables" : String.join(", ", parts);
    }
}
