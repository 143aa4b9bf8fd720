package dev.keel.cli;

import dev.keel.kv.KeyValueStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The key-value store's tour: the seed example, a restart, and a real crash: a child process writing keys is
 * killed with SIGKILL, and every write it was told had succeeded is found after recovery.
 */
final class KvDemo {

    private static final int ACKS_BEFORE_KILL = 300;

    private final PrintWriter out;

    KvDemo(PrintWriter out) {
        this.out = out;
    }

    void run() throws Exception {
        Path directory = Files.createTempDirectory("keel-demo-kv-");
        try {
            seedExample(directory.resolve("seed"));
            crashAndRecover(directory.resolve("crash"));
        } finally {
            deleteRecursively(directory);
        }
    }

    private void seedExample(Path data) throws IOException {
        out.println("KeyValueStore store = KeyValueStore.open(" + data + ")");
        KeyValueStore store = KeyValueStore.open(data);
        store.set("user:1", Map.of("name", "Alice", "age", 30));
        out.println(
                "store.set(\"user:1\", Map.of(\"name\", \"Alice\", \"age\", 30))   // on disk (fsync) before it returns");
        store.set("counter", 100);
        out.println("store.set(\"counter\", 100)");
        out.println("store.get(\"user:1\")  -> " + store.get("user:1"));
        store.close();
        out.println("store.close(); reopening...");
        try (KeyValueStore recovered = KeyValueStore.open(data)) {
            out.println("recovered.get(\"user:1\") -> " + recovered.get("user:1") + ", recovered.get(\"counter\") -> "
                    + recovered.get("counter"));
            out.println("recovery: " + recovered.stats().recovery());
        }
        out.flush();
    }

    private void crashAndRecover(Path data) throws Exception {
        out.println();
        out.println("A child process now writes keys under fsync=always and is killed with SIGKILL after "
                + ACKS_BEFORE_KILL + " acknowledged writes...");
        out.flush();
        List<String> acknowledged = new ArrayList<>();
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        KvCrashChild.class.getName(),
                        data.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged.size() < ACKS_BEFORE_KILL && (line = lines.readLine()) != null) {
                acknowledged.add(line);
            }
            child.destroyForcibly();
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the demo's child process did not die after SIGKILL");
            }
        } finally {
            child.destroyForcibly();
        }
        if (acknowledged.size() < ACKS_BEFORE_KILL) {
            throw new IllegalStateException("the child process stopped after " + acknowledged.size()
                    + " writes instead of " + ACKS_BEFORE_KILL + " (exit code " + child.exitValue() + ")");
        }
        out.println("killed (exit code " + child.exitValue() + "); reopening the store...");
        try (KeyValueStore recovered = KeyValueStore.open(data)) {
            int present = 0;
            for (String key : acknowledged) {
                if (recovered.get(key) != null) {
                    present++;
                }
            }
            out.println("recovery: " + recovered.stats().recovery());
            out.println(present + " of " + acknowledged.size() + " acknowledged writes are present; keys in the store: "
                    + recovered.stats().keys());
            if (present != acknowledged.size()) {
                throw new IllegalStateException(
                        "acknowledged writes were lost: " + present + " of " + acknowledged.size());
            }
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
