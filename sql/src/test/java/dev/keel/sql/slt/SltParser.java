package dev.keel.sql.slt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the sqllogictest format (SQLite's about.wiki): records separated by blank lines, {@code #} comments,
 * {@code skipif}/{@code onlyif} conditions on the engine name, {@code halt}, {@code hash-threshold}.
 */
final class SltParser {

    private final String engine;

    SltParser(String engine) {
        this.engine = engine;
    }

    List<SltRecord> parse(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<SltRecord> records = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            String line = stripComment(lines[i]);
            if (line.isBlank()) {
                i++;
                continue;
            }
            int start = i;
            boolean skip = false;
            while (line.startsWith("skipif ") || line.startsWith("onlyif ")) {
                String target = line.substring(7).trim().split("\\s+")[0];
                boolean matches = target.equalsIgnoreCase(engine);
                if (line.startsWith("skipif ") ? matches : !matches) {
                    skip = true;
                }
                i++;
                line = i < lines.length ? stripComment(lines[i]) : "";
            }
            String[] words = line.trim().split("\\s+");
            switch (words[0]) {
                case "halt" -> {
                    if (!skip) {
                        return records;
                    }
                    i++;
                }
                case "hash-threshold" -> {
                    if (!skip) {
                        records.add(new SltRecord.HashThreshold(start + 1, Integer.parseInt(words[1])));
                    }
                    i++;
                }
                case "statement" -> {
                    i++;
                    StringBuilder sql = new StringBuilder();
                    while (i < lines.length && !lines[i].isBlank()) {
                        sql.append(lines[i]).append('\n');
                        i++;
                    }
                    if (!skip) {
                        records.add(new SltRecord.StatementRecord(
                                start + 1, sql.toString().strip(), words[1].equals("error")));
                    }
                }
                case "query" -> {
                    i++;
                    StringBuilder sql = new StringBuilder();
                    while (i < lines.length && !lines[i].isBlank() && !lines[i].startsWith("----")) {
                        sql.append(lines[i]).append('\n');
                        i++;
                    }
                    List<String> expected = null;
                    if (i < lines.length && lines[i].startsWith("----")) {
                        i++;
                        expected = new ArrayList<>();
                        while (i < lines.length && !lines[i].isBlank()) {
                            expected.add(lines[i].strip());
                            i++;
                        }
                    }
                    if (!skip) {
                        SltRecord.SortMode sort = words.length > 2
                                ? SltRecord.SortMode.valueOf(words[2].toUpperCase(Locale.ROOT))
                                : SltRecord.SortMode.NOSORT;
                        String label = words.length > 3 ? words[3] : null;
                        records.add(new SltRecord.QueryRecord(
                                start + 1, sql.toString().strip(), words[1], sort, label, expected));
                    }
                }
                default -> throw new IllegalArgumentException("line " + (i + 1) + ": unknown record '" + line + "'");
            }
        }
        return records;
    }

    private static String stripComment(String line) {
        return line.startsWith("#") ? "" : line;
    }
}
