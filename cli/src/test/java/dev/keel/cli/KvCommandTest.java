package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class KvCommandTest {

    private record Run(int exitCode, String out, String err) {}

    @TempDir
    Path dir;

    private static Run keel(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit =
                KeelCommand.run(SystemCatalog.landed(), new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void setGetDelScan_offlineOnADirectory() {
        String store = dir.resolve("store").toString();
        assertThat(keel("kv", "set", "--dir", store, "user:1", "Alice").out()).isEqualTo("OK" + System.lineSeparator());
        keel("kv", "set", "--dir", store, "user:2", "Bob");
        assertThat(keel("kv", "get", "--dir", store, "user:1").out().strip()).isEqualTo("Alice");
        assertThat(keel("kv", "scan", "--dir", store, "--prefix", "user:")
                        .out()
                        .lines()
                        .toList())
                .containsExactly("user:1\tAlice", "user:2\tBob");
        assertThat(keel("kv", "del", "--dir", store, "user:1").out().strip()).isEqualTo("1");
        Run missing = keel("kv", "get", "--dir", store, "user:1");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("no key 'user:1'");
        assertThat(keel("kv", "stats", "--dir", store).out()).contains("keys: 1", "recovery: scanned");
    }

    @Test
    void checkAndCompact_reportWhatTheyFound() {
        String store = dir.resolve("store").toString();
        for (int i = 0; i < 20; i++) {
            keel("kv", "set", "--dir", store, "k" + (i % 5), "v" + i);
        }
        Run check = keel("kv", "check", "--dir", store);
        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat(check.out()).contains("values: 5 live keys read back", "all intact");
        Run compact = keel("kv", "compact", "--dir", store);
        assertThat(compact.exitCode()).as(compact.err()).isZero();
        assertThat(compact.out()).startsWith("copied ");
    }

    @Test
    void check_ofADamagedStore_failsNamingTheDamage() throws Exception {
        Path store = dir.resolve("store");
        keel("kv", "set", "--dir", store.toString(), "a", "1".repeat(300));
        keel("kv", "set", "--dir", store.toString(), "b", "2".repeat(300));
        Path segment = store.resolve("log").resolve("00000000000000000000.log");
        byte[] bytes = java.nio.file.Files.readAllBytes(segment);
        bytes[60] ^= 0x20;
        java.nio.file.Files.write(segment, bytes);
        Run check = keel("kv", "check", "--dir", store.toString());
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.err()).contains("corrupt record in segment 00000000000000000000.log");
    }

    @Test
    void missingStore_andBadTtl_areUsageErrorsOfOneLine() {
        Run missing = keel("kv", "get", "--dir", dir.resolve("nope").toString(), "k");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no store at --dir").hasLineCount(1);
        Run ttl = keel("kv", "set", "--dir", dir.toString(), "--ttl", "soon", "k", "v");
        assertThat(ttl.exitCode()).isEqualTo(2);
        assertThat(ttl.err()).contains("--ttl soon is not a duration").hasLineCount(1);
        Run noDir = keel("kv", "get", "k");
        assertThat(noDir.exitCode()).isEqualTo(2);
        assertThat(noDir.err()).contains("Missing required option: '--dir=DIR'");
    }

    @Test
    void demo_kv_runsTheSeedExampleAndTheCrash() {
        Run demo = keel("demo", "kv");
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        assertThat(demo.out())
                .startsWith("== kv ==")
                .contains("store.get(\"user:1\")  -> {")
                .contains("killed (exit code 137)")
                .contains("300 of 300 acknowledged writes are present");
        assertThat(List.of(demo.out().split("\n"))).anyMatch(line -> line.startsWith("recovered.get(\"user:1\") -> "));
    }
}
