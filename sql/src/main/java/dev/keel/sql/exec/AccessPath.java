package dev.keel.sql.exec;

import dev.keel.sql.storage.SecondaryIndex;
import dev.keel.sql.storage.TableStore;
import dev.keel.sql.value.Affinity;
import dev.keel.sql.value.Numbers;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * How a scan finds its candidate rows: all of them, by rowid, or through a secondary index. The scan's filter checks
 * every candidate, so a path only has to return a superset of the matching rows; it converts lookup values with the
 * column's affinity first, as {@code =} would ({@code int_col = '5'} finds 5). The exception is {@link IndexRange},
 * whose result is exact (the index orders values as comparisons do), so the planner leaves the conditions it answers
 * out of the filter.
 */
public sealed interface AccessPath {

    /** The candidate rows, each a stored row ending in its rowid. */
    Collection<Object[]> rows(TableStore table, Frame frame);

    /** For EXPLAIN. */
    String describe();

    /** For EXPLAIN, naming the table read: {@code SEARCH orders AS o USING INDEX ...}. */
    default String describeOn(TableStore table, String alias) {
        String name = alias.equalsIgnoreCase(table.schema().name())
                ? alias
                : table.schema().name() + " AS " + alias;
        String path = describe();
        int space = path.indexOf(' ');
        return space < 0 ? path + " " + name : path.substring(0, space) + " " + name + path.substring(space);
    }

    /** Every row in rowid order. */
    record FullScan() implements AccessPath {
        @Override
        public Collection<Object[]> rows(TableStore table, Frame frame) {
            return table.rows();
        }

        @Override
        public String describe() {
            return "SCAN";
        }
    }

    /** Rows whose rowid (INTEGER PRIMARY KEY) equals one of the values. */
    record RowidIn(String column, List<Expression> values) implements AccessPath {
        @Override
        public Collection<Object[]> rows(TableStore table, Frame frame) {
            TreeSet<Long> ids = new TreeSet<>();
            for (Expression e : values) {
                Object v = Affinity.NUMERIC.apply(e.eval(frame));
                if (v instanceof Long l) {
                    ids.add(l);
                } else if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9.2e18) {
                    ids.add(d.longValue());
                }
            }
            return Ranges.rows(table, ids);
        }

        @Override
        public String describe() {
            return "SEARCH USING PRIMARY KEY (" + column
                    + (values.size() == 1
                            ? "=" + values.getFirst().describe()
                            : " IN ("
                                    + values.stream().map(Expression::describe).collect(Collectors.joining(", ")) + ")")
                    + ")";
        }
    }

    /** Rows whose rowid lies in a range. */
    record RowidRange(
            String column,
            @Nullable Expression low,
            boolean lowInclusive,
            @Nullable Expression high,
            boolean highInclusive)
            implements AccessPath {
        @Override
        public Collection<Object[]> rows(TableStore table, Frame frame) {
            Long lo = null;
            Long hi = null;
            if (low != null) {
                Object v = Affinity.NUMERIC.apply(low.eval(frame));
                if (!(v instanceof Long) && !(v instanceof Double)) {
                    return v == null ? List.of() : table.rows();
                }
                lo = (long) Math.floor(Numbers.toDouble(v));
                if (v instanceof Long l) {
                    lo = l;
                }
            }
            if (high != null) {
                Object v = Affinity.NUMERIC.apply(high.eval(frame));
                if (!(v instanceof Long) && !(v instanceof Double)) {
                    return v == null ? List.of() : table.rows();
                }
                hi = (long) Math.ceil(Numbers.toDouble(v));
                if (v instanceof Long l) {
                    hi = l;
                }
            }
            return table.rowidRange(lo, true, hi, true);
        }

        @Override
        public String describe() {
            return "SEARCH USING PRIMARY KEY (" + Ranges.describe(column, low, lowInclusive, high, highInclusive) + ")";
        }
    }

    /** Rows whose index key starts with the given values, or whose first key column is one of several values. */
    record IndexLookup(
            SecondaryIndex index, List<String> columns, List<Affinity> affinities, List<List<Expression>> keys)
            implements AccessPath {
        @Override
        public Collection<Object[]> rows(TableStore table, Frame frame) {
            if (keys.size() == 1) {
                Object[] prefix = prefix(keys.getFirst(), frame);
                return prefix == null ? List.of() : index.equal(prefix);
            }
            java.util.TreeMap<Long, Object[]> byRowid = new java.util.TreeMap<>();
            for (List<Expression> key : keys) {
                Object[] prefix = prefix(key, frame);
                if (prefix != null) {
                    for (Object[] row : index.equal(prefix)) {
                        byRowid.put((Long) row[row.length - 1], row);
                    }
                }
            }
            return byRowid.values();
        }

        private Object @Nullable [] prefix(List<Expression> key, Frame frame) {
            Object[] prefix = new Object[key.size()];
            for (int i = 0; i < key.size(); i++) {
                prefix[i] = Ranges.convert(affinities.get(i), key.get(i).eval(frame));
                if (prefix[i] == null) {
                    return null;
                }
            }
            return prefix;
        }

        @Override
        public String describe() {
            String condition;
            if (keys.size() == 1) {
                List<Expression> key = keys.getFirst();
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < key.size(); i++) {
                    parts.add(columns.get(i) + "=" + key.get(i).describe());
                }
                condition = String.join(" AND ", parts);
            } else {
                condition = columns.getFirst() + " IN ("
                        + keys.stream().map(k -> k.getFirst().describe()).collect(Collectors.joining(", ")) + ")";
            }
            return "SEARCH USING INDEX " + index.schema().name() + " (" + condition + ")";
        }
    }

    /**
     * Rows whose first index column lies in a range; built from the index pages alone when {@code coverage} says the
     * query reads nothing else of the table (a covering index scan).
     */
    record IndexRange(
            SecondaryIndex index,
            String column,
            Affinity affinity,
            @Nullable Expression low,
            boolean lowInclusive,
            @Nullable Expression high,
            boolean highInclusive,
            @Nullable Coverage coverage)
            implements AccessPath {
        @Override
        public Collection<Object[]> rows(TableStore table, Frame frame) {
            Object lo = low == null ? null : Ranges.convert(affinity, low.eval(frame));
            Object hi = high == null ? null : Ranges.convert(affinity, high.eval(frame));
            if ((low != null && lo == null) || (high != null && hi == null)) {
                return List.of();
            }
            if (covering()) {
                return index.coveringRange(
                        lo, lowInclusive, hi, highInclusive, coverage.rowWidth(), coverage.rowidColumn());
            }
            return index.range(lo, lowInclusive, hi, highInclusive);
        }

        private boolean covering() {
            return coverage != null && coverage.coveredBy(index.schema().columns());
        }

        @Override
        public String describe() {
            return "SEARCH USING " + (covering() ? "COVERING " : "") + "INDEX "
                    + index.schema().name() + " (" + Ranges.describe(column, low, lowInclusive, high, highInclusive)
                    + ")";
        }
    }

    /** Helpers shared by the range paths. */
    final class Ranges {
        private Ranges() {}

        /** The stored rows with these rowids, in the order given (a rowid without a row is skipped). */
        static List<Object[]> rows(TableStore table, java.util.Collection<Long> ids) {
            List<Object[]> rows = new ArrayList<>(ids.size());
            for (long id : ids) {
                Object[] row = table.row(id);
                if (row != null) {
                    rows.add(row);
                }
            }
            return rows;
        }

        static @Nullable Object convert(Affinity affinity, @Nullable Object value) {
            if (affinity.isNumeric()) {
                return Affinity.NUMERIC.apply(value);
            }
            return affinity == Affinity.TEXT ? Affinity.TEXT.apply(value) : value;
        }

        static String describe(
                String column,
                @Nullable Expression low,
                boolean lowInclusive,
                @Nullable Expression high,
                boolean highInclusive) {
            List<String> parts = new ArrayList<>();
            if (low != null) {
                parts.add(column + (lowInclusive ? ">=" : ">") + low.describe());
            }
            if (high != null) {
                parts.add(column + (highInclusive ? "<=" : "<") + high.describe());
            }
            return String.join(" AND ", parts);
        }
    }
}
