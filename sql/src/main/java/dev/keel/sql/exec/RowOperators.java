package dev.keel.sql.exec;

import dev.keel.sql.SqlError;
import dev.keel.sql.SqlException;
import dev.keel.sql.value.Numbers;
import dev.keel.sql.value.ValueKey;
import dev.keel.sql.value.ValueOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The operators that transform a stream of rows one at a time or as a whole: filter, project, sort, limit ... */
public final class RowOperators {

    private RowOperators() {}

    /** Keeps the rows for which the predicate is true. */
    public record Filter(PlanNode input, Expression predicate) implements PlanNode {
        @Override
        public boolean run(Frame outer, RowSink sink) {
            Frame frame = Frame.inside(outer);
            return input.run(outer, row -> {
                frame.row = row;
                return !Boolean.TRUE.equals(Numbers.truth(predicate.eval(frame))) || sink.accept(row);
            });
        }

        @Override
        public String describe() {
            return "FILTER " + predicate.describe();
        }

        @Override
        public List<PlanNode> children() {
            return List.of(input);
        }
    }

    /** Computes the output columns (and hidden sort keys) of each row. */
    public record Project(PlanNode input, List<Expression> expressions) implements PlanNode {
        @Override
        public boolean run(Frame outer, RowSink sink) {
            Frame frame = Frame.inside(outer);
            return input.run(outer, row -> {
                frame.row = row;
                Object[] out = new Object[expressions.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = expressions.get(i).eval(frame);
                }
                return sink.accept(out);
            });
        }

        @Override
        public String describe() {
            return "PROJECT " + expressions.stream().map(Expression::describe).collect(Collectors.joining(", "));
        }

        @Override
        public List<PlanNode> children() {
            return List.of(input);
        }
    }

    /** Drops rows whose first {@code width} values repeat an earlier row's. */
    public record Distinct(PlanNode input, int width) implements PlanNode {
        @Override
        public boolean run(Frame outer, RowSink sink) {
            Set<ValueKey> seen = new HashSet<>();
            return input.run(outer, row -> !seen.add(new ValueKey(Arrays.copyOf(row, width))) || sink.accept(row));
        }

        @Override
        public String describe() {
            return "DISTINCT";
        }

        @Override
        public List<PlanNode> children() {
            return List.of(input);
        }
    }

    /** Sorts on row positions (NULLs first ascending, as in SQLite); stable, so ties keep their input order. */
    public record Sort(PlanNode input, List<Integer> keys, List<Boolean> descending) implements PlanNode {
        @Override
        public boolean run(Frame outer, RowSink sink) {
            List<Object[]> rows = new ArrayList<>();
            if (!input.run(outer, rows::add)) {
                return false;
            }
            Comparator<Object[]> order = (a, b) -> {
                for (int i = 0; i < keys.size(); i++) {
                    int c = ValueOrder.compareValues(a[keys.get(i)], b[keys.get(i)]);
                    if (c != 0) {
                        return descending.get(i) ? -c : c;
                    }
                }
                return 0;
            };
            rows.sort(order);
            for (Object[] row : rows) {
                if (!sink.accept(row)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String describe() {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                parts.add("#" + (keys.get(i) + 1) + (descending.get(i) ? " DESC" : ""));
            }
            return "SORT BY " + String.join(", ", parts);
        }

        @Override
        public List<PlanNode> children() {
            return List.of(input);
        }
    }

    /** LIMIT and OFFSET; a negative limit means none, as in SQLite. */
    public record Limit(
            PlanNode input,
            @Nullable Expression limit,
            @Nullable Expression offset) implements PlanNode {
        @Override
        public boolean run(Frame outer, RowSink sink) {
            long max = limit == null ? -1 : count(limit, outer, "LIMIT");
            long skip = offset == null ? 0 : Math.max(0, count(offset, outer, "OFFSET"));
            if (max == 0) {
                return true;
            }
            long[] seen = {0, 0};
            input.run(outer, row -> {
                if (seen[0]++ < skip) {
                    return true;
                }
                seen[1]++;
                return sink.accept(row) && (max < 0 || seen[1] < max);
            });
            return true;
        }

        private static long count(Expression e, Frame outer, String clause) {
            Object v = e.eval(Frame.inside(outer));
            Object n = v instanceof String s ? Numbers.parseExact(s) : v;
            if (!(n instanceof Long l)) {
                throw new SqlException(
                        SqlError.DATA_EXCEPTION,
                        clause + " must be an integer, got " + (v == null ? "NULL" : Numbers.toText(v)));
            }
            return l;
        }

        @Override
        public String describe() {
            return "LIMIT " + (limit == null ? "-1" : limit.describe())
                    + (offset == null ? "" : " OFFSET " + offset.describe());
        }

        @Override
        public List<PlanNode> children() {
            return List.of(input);
        }
    }

    /** Drops the hidden columns after position {@code width} (sort keys that are not output). */
    public record Trim(PlanNode input, int width) implements PlanNode {
        @Override
        public boolean run(Frame outer, RowSink sink) {
            return input.run(outer, row -> sink.accept(row.length == width ? row : Arrays.copyOf(row, width)));
        }

        @Override
        public String describe() {
            return "TRIM TO " + width + " COLUMNS";
        }

        @Override
        public List<PlanNode> children() {
            return List.of(input);
        }
    }

    /** One empty row: the FROM of a SELECT without one. */
    public record SingleRow(int width) implements PlanNode {
        @Override
        public boolean run(Frame outer, RowSink sink) {
            return sink.accept(new Object[width]);
        }

        @Override
        public String describe() {
            return "ONE ROW";
        }

        @Override
        public List<PlanNode> children() {
            return List.of();
        }
    }

    /** {@code VALUES (...), (...)}. */
    public record ValuesScan(List<List<Expression>> rows) implements PlanNode {
        @Override
        public boolean run(Frame outer, RowSink sink) {
            Frame frame = Frame.inside(outer);
            for (List<Expression> values : rows) {
                Object[] row = new Object[values.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = values.get(i).eval(frame);
                }
                if (!sink.accept(row)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String describe() {
            return "VALUES (" + rows.size() + " rows)";
        }

        @Override
        public List<PlanNode> children() {
            return List.of();
        }
    }

    /** A subquery or view in FROM, its columns placed at {@code offset}. */
    public record DerivedScan(PlanNode query, String alias, int offset, int width) implements PlanNode {
        @Override
        public boolean run(Frame outer, RowSink sink) {
            return query.run(outer, r -> {
                Object[] row = new Object[width];
                System.arraycopy(r, 0, row, offset, r.length);
                return sink.accept(row);
            });
        }

        @Override
        public String describe() {
            return "SCAN SUBQUERY " + alias;
        }

        @Override
        public List<PlanNode> children() {
            return List.of(query);
        }
    }
}
