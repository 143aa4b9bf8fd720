package dev.keel.sql;

import dev.keel.testing.SeededRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Random, well-typed SELECTs over a {@link RandomSchema}, for {@link DifferentialTest}: joins (comma, JOIN ... ON,
 * LEFT JOIN), predicates with AND/OR/NOT, IN, BETWEEN and IS NULL, arithmetic, aggregates with GROUP BY and HAVING,
 * DISTINCT, ORDER BY and LIMIT. Not thread-safe.
 */
final class QueryGenerator {

    private record Ref(String sql, String type) {}

    private final SeededRandom random;
    private final RandomSchema schema;
    private final List<Ref> refs = new ArrayList<>();

    QueryGenerator(SeededRandom random, RandomSchema schema) {
        this.random = random;
        this.schema = schema;
    }

    String query() {
        String from = from();
        boolean aggregate = random.nextInt(3) == 0;
        StringBuilder sql = new StringBuilder("SELECT ");
        List<String> items = new ArrayList<>();
        String groupBy = null;
        if (aggregate) {
            if (random.nextBoolean()) {
                groupBy = ref(null).sql;
                items.add(groupBy);
            }
            int n = 1 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                items.add(aggregateCall());
            }
        } else {
            if (random.nextInt(4) == 0) {
                sql.append("DISTINCT ");
            }
            int n = 1 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                items.add(random.nextBoolean() ? ref(null).sql : numeric(2));
            }
        }
        sql.append(String.join(", ", items)).append(" FROM ").append(from);
        if (random.nextInt(4) != 0) {
            sql.append(" WHERE ").append(predicate(2));
        }
        if (groupBy != null) {
            sql.append(" GROUP BY ").append(groupBy);
            if (random.nextBoolean()) {
                sql.append(" HAVING count(*) > ").append(random.nextInt(3));
            }
        }
        if (!aggregate && random.nextBoolean()) {
            List<String> ordinals = new ArrayList<>();
            for (int i = 1; i <= items.size(); i++) {
                ordinals.add(i + (random.nextBoolean() ? " DESC" : ""));
            }
            sql.append(" ORDER BY ").append(String.join(", ", ordinals));
            if (random.nextBoolean()) {
                sql.append(" LIMIT ").append(random.nextInt(6));
            }
        }
        return sql.toString();
    }

    private String from() {
        int n = 1 + random.nextInt(Math.min(3, schema.tables().size() + 1));
        StringBuilder from = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int table = random.nextInt(schema.tables().size());
            String alias = "a" + i;
            List<Ref> before = List.copyOf(refs);
            for (int c = 0; c < schema.columns().get(table).size(); c++) {
                refs.add(new Ref(
                        alias + "." + schema.columns().get(table).get(c),
                        schema.types().get(table).get(c)));
            }
            String source = schema.tables().get(table) + " AS " + alias;
            if (i == 0) {
                from.append(source);
            } else {
                int kind = random.nextInt(3);
                String on = before.get(random.nextInt(before.size())).sql + " = " + alias + ".c0";
                switch (kind) {
                    case 0 -> from.append(", ").append(source);
                    case 1 ->
                        from.append(" JOIN ").append(source).append(" ON ").append(on);
                    default ->
                        from.append(" LEFT JOIN ").append(source).append(" ON ").append(on);
                }
            }
        }
        return from.toString();
    }

    private Ref ref(String type) {
        List<Ref> candidates = type == null
                ? refs
                : refs.stream().filter(r -> r.type.equals(type)).toList();
        if (candidates.isEmpty()) {
            return refs.getFirst();
        }
        return candidates.get(random.nextInt(candidates.size()));
    }

    private String numericRef() {
        List<Ref> numeric = refs.stream().filter(r -> !r.type.equals("TEXT")).toList();
        return numeric.get(random.nextInt(numeric.size())).sql;
    }

    private String numeric(int depth) {
        if (depth == 0 || random.nextInt(3) == 0) {
            return random.nextInt(4) == 0 ? String.valueOf(random.nextInt(10) - 3) : numericRef();
        }
        String[] ops = {"+", "-", "*", "/"};
        return "(" + numeric(depth - 1) + " " + ops[random.nextInt(ops.length)] + " " + numeric(depth - 1) + ")";
    }

    private String aggregateCall() {
        return switch (random.nextInt(7)) {
            case 0 -> "count(*)";
            case 1 -> "sum(" + numericRef() + ")";
            case 2 -> "min(" + ref(null).sql + ")";
            case 3 -> "max(" + ref(null).sql + ")";
            case 4 -> "avg(" + numericRef() + ")";
            case 5 -> "count(DISTINCT " + ref(null).sql + ")";
            default -> "total(" + numericRef() + ")";
        };
    }

    private String predicate(int depth) {
        if (depth > 0 && random.nextInt(3) == 0) {
            return switch (random.nextInt(3)) {
                case 0 -> "(" + predicate(depth - 1) + " AND " + predicate(depth - 1) + ")";
                case 1 -> "(" + predicate(depth - 1) + " OR " + predicate(depth - 1) + ")";
                default -> "NOT (" + predicate(depth - 1) + ")";
            };
        }
        Ref r = ref(null);
        String[] ops = {"=", "<>", "<", "<=", ">", ">="};
        return switch (random.nextInt(6)) {
            case 0 -> r.sql + (random.nextBoolean() ? " IS NULL" : " IS NOT NULL");
            case 1 -> {
                List<String> items = new ArrayList<>();
                int n = 1 + random.nextInt(3);
                for (int i = 0; i < n; i++) {
                    items.add(DifferentialTest.literal(random, r.type));
                }
                yield r.sql + (random.nextBoolean() ? " NOT" : "") + " IN (" + String.join(", ", items) + ")";
            }
            case 2 ->
                r.sql + " BETWEEN " + DifferentialTest.literal(random, r.type) + " AND "
                        + DifferentialTest.literal(random, r.type);
            case 3 -> numeric(1) + " " + ops[random.nextInt(ops.length)] + " " + numeric(1);
            default -> r.sql + " " + ops[random.nextInt(ops.length)] + " " + DifferentialTest.literal(random, r.type);
        };
    }
}
