package dev.keel.sql.slt;

import dev.keel.sql.QueryResult;
import dev.keel.sql.Row;
import dev.keel.sql.SQLEngine;
import dev.keel.sql.SqlException;
import dev.keel.sql.value.Numbers;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Runs one sqllogictest file against a fresh in-memory {@link SQLEngine} and collects every mismatch: results are
 * rendered by the column types of the record ({@code I} integer, {@code R} {@code %.3f}, {@code T} text), sorted as
 * the record asks, and compared as values or, above the hash threshold, as the MD5 of the values.
 */
final class SltRunner {

    /** A record whose outcome differed from the file's. */
    record Failure(int line, String sql, String problem) {
        @Override
        public String toString() {
            return "line " + line + ": " + problem + "\n    " + sql.replace("\n", "\n    ");
        }
    }

    /** The outcome of a file: how many records ran and what failed. */
    record Outcome(int statements, int queries, List<Failure> failures) {}

    private int hashThreshold = 8;
    private final Map<String, String> labels = new HashMap<>();

    Outcome run(List<SltRecord> records) {
        SQLEngine db = SQLEngine.inMemory();
        List<Failure> failures = new ArrayList<>();
        int statements = 0;
        int queries = 0;
        for (SltRecord record : records) {
            switch (record) {
                case SltRecord.HashThreshold h -> hashThreshold = h.threshold();
                case SltRecord.StatementRecord s -> {
                    statements++;
                    Failure f = runStatement(db, s);
                    if (f != null) {
                        failures.add(f);
                    }
                }
                case SltRecord.QueryRecord q -> {
                    queries++;
                    Failure f = runQuery(db, q);
                    if (f != null) {
                        failures.add(f);
                    }
                }
            }
        }
        return new Outcome(statements, queries, failures);
    }

    private static @Nullable Failure runStatement(SQLEngine db, SltRecord.StatementRecord s) {
        try {
            db.executeScript(s.sql());
            return s.expectError() ? new Failure(s.line(), s.sql(), "expected an error, but it succeeded") : null;
        } catch (SqlException e) {
            return s.expectError() ? null : new Failure(s.line(), s.sql(), "failed: " + e.getMessage());
        } catch (RuntimeException e) {
            return new Failure(s.line(), s.sql(), "crashed: " + e);
        }
    }

    private @Nullable Failure runQuery(SQLEngine db, SltRecord.QueryRecord q) {
        QueryResult result;
        try {
            result = db.query(q.sql());
        } catch (SqlException e) {
            return new Failure(q.line(), q.sql(), "failed: " + e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return new Failure(q.line(), q.sql(), "crashed: " + e);
        }
        List<List<String>> rows = new ArrayList<>();
        for (Row row : result) {
            List<String> rendered = new ArrayList<>();
            for (int c = 0; c < result.columns().size(); c++) {
                char type = c < q.types().length() ? q.types().charAt(c) : 'T';
                rendered.add(render(row.get(c), type));
            }
            rows.add(rendered);
        }
        if (result.columns().size() != q.types().length()) {
            return new Failure(
                    q.line(),
                    q.sql(),
                    "returned " + result.columns().size() + " columns, the record says "
                            + q.types().length() + " (" + q.types() + ")");
        }
        List<String> values = new ArrayList<>();
        switch (q.sort()) {
            case ROWSORT -> {
                rows.sort(SltRunner::compareRows);
                rows.forEach(values::addAll);
            }
            case VALUESORT -> {
                rows.forEach(values::addAll);
                values.sort(null);
            }
            case NOSORT -> rows.forEach(values::addAll);
        }
        String hash = md5(values);
        String summary = values.size() + " values hashing to " + hash;
        if (q.label() != null) {
            String previous = labels.putIfAbsent(q.label(), summary);
            if (previous != null && !previous.equals(summary)) {
                return new Failure(q.line(), q.sql(), "label " + q.label() + " was " + previous + ", now " + summary);
            }
        }
        if (q.expected() == null) {
            return null;
        }
        List<String> expected = q.expected();
        if (expected.size() == 1 && expected.getFirst().matches("\\d+ values hashing to [0-9a-f]+")) {
            return expected.getFirst().equals(summary)
                    ? null
                    : new Failure(
                            q.line(),
                            q.sql(),
                            "expected " + expected.getFirst() + ", got " + summary
                                    + (values.size() <= 40 ? " " + values : ""));
        }
        if (hashThreshold > 0 && values.size() > hashThreshold && !expected.equals(values)) {
            return new Failure(q.line(), q.sql(), "expected " + expected + ", got " + summary);
        }
        return expected.equals(values)
                ? null
                : new Failure(q.line(), q.sql(), "expected " + expected + ", got " + values);
    }

    private static int compareRows(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    static String render(@Nullable Object value, char type) {
        if (value == null) {
            return "NULL";
        }
        return switch (type) {
            case 'I' ->
                switch (value) {
                    case Long l -> l.toString();
                    case Double d -> Long.toString(d.longValue());
                    default -> Long.toString(leadingInteger(value.toString()));
                };
            case 'R' -> real(Numbers.toDouble(Numbers.toNumeric(value)));
            default -> {
                String text = Numbers.toText(value);
                if (text.isEmpty()) {
                    yield "(empty)";
                }
                StringBuilder printable = new StringBuilder(text.length());
                for (char c : text.toCharArray()) {
                    printable.append(c < 0x20 || c > 0x7e ? '@' : c);
                }
                yield printable.toString();
            }
        };
    }

    /**
     * {@code %.3f} as SQLite's own printf renders it: at most 16 significant digits, then zeros
     * ({@code -18446744073709550000.000}, where Java's shortest representation would give ...552000.000).
     */
    private static String real(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return String.format(Locale.ROOT, "%.3f", d);
        }
        BigDecimal significant = new BigDecimal(d).round(new MathContext(16, RoundingMode.HALF_EVEN));
        return significant.setScale(3, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static long leadingInteger(String text) {
        Object n = Numbers.parsePrefix(text);
        return n instanceof Long l ? l : ((Double) n).longValue();
    }

    private static String md5(List<String> values) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            for (String v : values) {
                md5.update(v.getBytes(StandardCharsets.UTF_8));
                md5.update((byte) '\n');
            }
            return HexFormat.of().formatHex(md5.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every JDK", e);
        }
    }
}
