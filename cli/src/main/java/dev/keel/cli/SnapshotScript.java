package dev.keel.cli;

import dev.keel.snapshot.Batch;
import dev.keel.snapshot.Difference;
import dev.keel.snapshot.ImmutableDataStructure;
import dev.keel.snapshot.PersistentSortedMap;
import dev.keel.snapshot.SnapshotException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * Runs the lines of a {@code keel snapshot script} against one versioned store of strings, printing what each
 * does. The language, one command per line ({@code #} starts a comment):
 *
 * <pre>
 * set KEY VALUE                      a new version with KEY = VALUE (VALUE is the rest of the line)
 * delete KEY                         a new version without KEY
 * batch set K V; delete K; ...       one new version of several writes
 * get KEY [VERSION]                  KEY's value in VERSION (default: the current one)
 * show [VERSION]                     every entry of VERSION, sorted by key
 * diff FROM TO                       the keys that differ between two versions
 * versions                           the retained version numbers
 * </pre>
 *
 * <p>A line that cannot run throws {@link UserError} naming the line, the value and what was expected; the store is
 * unchanged by it. Not thread-safe: one script, one thread.
 */
final class SnapshotScript {

    private static final String COMMANDS = "set, delete, batch, get, show, diff, versions";

    private final ImmutableDataStructure<String, String> store;
    private final PrintWriter out;

    SnapshotScript(ImmutableDataStructure<String, String> store, PrintWriter out) {
        this.store = store;
        this.out = out;
    }

    void run(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                execute(line);
            } catch (UserError | SnapshotException | IllegalArgumentException e) {
                throw new UserError("line " + (i + 1) + " ('" + line + "'): " + e.getMessage());
            }
        }
    }

    private void execute(String line) {
        String[] words = line.split("\\s+", 3);
        switch (words[0]) {
            case "set" -> {
                require(words, 3, "set KEY VALUE");
                out.println("version " + store.set(words[1], words[2]));
            }
            case "delete" -> {
                require(words, 2, "delete KEY");
                noExtra(words, 2, "delete KEY");
                out.println("version " + store.delete(words[1]));
            }
            case "batch" -> out.println("version " + store.apply(batch(line.substring("batch".length()))));
            case "get" -> {
                require(words, 2, "get KEY [VERSION]");
                Map<String, String> version = words.length == 3 ? store.snapshot(version(words[2])) : store.current();
                String value = version.get(words[1]);
                out.println(value == null ? "(absent)" : value);
            }
            case "show" -> {
                noExtra(words, 2, "show [VERSION]");
                long number = words.length == 2 ? version(words[1]) : store.currentVersion();
                Map<String, String> entries = PersistentSortedMap.copyOf(store.snapshot(number));
                out.println("version " + number + ": " + entries);
            }
            case "diff" -> {
                require(words, 3, "diff FROM TO");
                String[] versions = line.split("\\s+");
                if (versions.length != 3) {
                    throw new UserError("expected: diff FROM TO");
                }
                for (Difference<String, String> difference : store.diff(version(versions[1]), version(versions[2]))) {
                    out.println(describe(difference));
                }
            }
            case "versions" -> {
                noExtra(words, 1, "versions");
                out.println(store.versions());
            }
            default -> throw new UserError("unknown command '" + words[0] + "' (expected one of: " + COMMANDS + ")");
        }
    }

    /** One line per difference: {@code + key = value}, {@code - key = value}, {@code ~ key: before -> after}. */
    static <K, V> String describe(Difference<K, V> difference) {
        return switch (difference) {
            case Difference.Added<K, V>(K key, V value) -> "+ " + key + " = " + value;
            case Difference.Removed<K, V>(K key, V value) -> "- " + key + " = " + value;
            case Difference.Updated<K, V>(K key, V before, V after) -> "~ " + key + ": " + before + " -> " + after;
        };
    }

    private static Batch<String, String> batch(String writes) {
        Batch.Builder<String, String> batch = Batch.builder();
        for (String write : writes.split(";")) {
            String[] words = write.strip().split("\\s+", 3);
            switch (words[0]) {
                case "set" -> {
                    require(words, 3, "set KEY VALUE inside a batch");
                    batch.put(words[1], words[2]);
                }
                case "delete" -> {
                    require(words, 2, "delete KEY inside a batch");
                    noExtra(words, 2, "delete KEY inside a batch");
                    batch.delete(words[1]);
                }
                default ->
                    throw new UserError("batch write '" + write.strip() + "' (expected: set KEY VALUE or delete KEY,"
                            + " separated by ';')");
            }
        }
        return batch.build();
    }

    private static long version(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UserError("version '" + text + "' is not a number (expected: 0, 1, 2, ...)");
        }
    }

    private static void require(String[] words, int count, String usage) {
        if (words.length < count || words[count - 1].isEmpty()) {
            throw new UserError("expected: " + usage);
        }
    }

    private static void noExtra(String[] words, int max, String usage) {
        if (words.length > max) {
            throw new UserError("unexpected '" + words[max] + "' (expected: " + usage + ")");
        }
    }
}
