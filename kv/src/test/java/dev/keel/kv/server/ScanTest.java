package dev.keel.kv.server;

import static dev.keel.kv.server.InProcessServer.error;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** SCAN's guarantees: it ends with cursor 0 and returns every key present for the whole scan. */
@ExtendWith(SeedExtension.class)
final class ScanTest {

    @TempDir
    Path dir;

    private InProcessServer server;

    @BeforeEach
    void open() throws IOException {
        server = new InProcessServer(dir);
    }

    @AfterEach
    void close() throws IOException {
        server.close();
    }

    /** One SCAN page: the next cursor and the keys. */
    private record Page(String cursor, List<String> keys) {}

    private Page scan(String cursor, String... options) {
        List<String> words = new ArrayList<>(List.of("SCAN", cursor));
        words.addAll(List.of(options));
        Reply reply = server.run(words.toArray(String[]::new));
        assertThat(reply).isInstanceOf(Reply.Array.class);
        List<Reply> parts = ((Reply.Array) reply).elements();
        String next = new String(((Reply.Bulk) parts.get(0)).data(), StandardCharsets.ISO_8859_1);
        List<String> keys = ((Reply.Array) parts.get(1))
                .elements().stream()
                        .map(key -> new String(((Reply.Bulk) key).data(), StandardCharsets.ISO_8859_1))
                        .toList();
        return new Page(next, keys);
    }

    /** Every key a full scan returns, checking that it ends within {@code maxPages} pages. */
    private List<String> scanAll(int maxPages, String... options) {
        List<String> all = new ArrayList<>();
        String cursor = "0";
        for (int page = 0; page < maxPages; page++) {
            Page result = scan(cursor, options);
            all.addAll(result.keys());
            cursor = result.cursor();
            if (cursor.equals("0")) {
                return all;
            }
        }
        throw new AssertionError("scan did not end within " + maxPages + " pages");
    }

    @Test
    void scan_emptyStore_endsAtOnce() {
        assertThat(scan("0")).isEqualTo(new Page("0", List.of()));
    }

    @Test
    void scan_withCount_pagesThroughEveryKeyOnce_thenCursorZero() {
        for (int i = 0; i < 95; i++) {
            server.run("SET", String.format("key:%03d", i), "v");
        }
        Page first = scan("0", "COUNT", "10");
        assertThat(first.keys()).hasSize(10);
        assertThat(first.cursor()).isNotEqualTo("0").containsOnlyDigits();
        List<String> all = scanAll(20, "COUNT", "10");
        assertThat(all).hasSize(95).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void scan_withMatch_returnsOnlyMatches_andStopsAtTheEndOfThePrefix() {
        for (int i = 0; i < 50; i++) {
            server.run("SET", "user:" + i, "v");
            server.run("SET", "order:" + i, "v");
        }
        List<String> users = scanAll(10, "MATCH", "user:*", "COUNT", "7");
        assertThat(users).hasSize(50).allMatch(key -> key.startsWith("user:"));
        List<String> ones = scanAll(100, "MATCH", "*:1*");
        assertThat(ones)
                .containsExactlyInAnyOrder(
                        "order:1",
                        "order:10",
                        "order:11",
                        "order:12",
                        "order:13",
                        "order:14",
                        "order:15",
                        "order:16",
                        "order:17",
                        "order:18",
                        "order:19",
                        "user:1",
                        "user:10",
                        "user:11",
                        "user:12",
                        "user:13",
                        "user:14",
                        "user:15",
                        "user:16",
                        "user:17",
                        "user:18",
                        "user:19");
    }

    @Test
    void scan_typeFilter_stringIsEverything_otherTypesNothing() {
        server.run("SET", "k", "v");
        assertThat(scanAll(2, "TYPE", "string")).containsExactly("k");
        assertThat(scanAll(2, "TYPE", "list")).isEmpty();
    }

    @Test
    void scan_badArguments_redisErrors() {
        assertThat(server.run("SCAN", "x")).isEqualTo(error("ERR invalid cursor"));
        assertThat(server.run("SCAN", "0", "COUNT", "0")).isEqualTo(error("ERR syntax error"));
        assertThat(server.run("SCAN", "0", "COUNT", "x"))
                .isEqualTo(error("ERR value is not an integer or out of range"));
        assertThat(server.run("SCAN", "0", "MATCH")).isEqualTo(error("ERR syntax error"));
        assertThat(server.run("SCAN", "0", "FOO", "bar")).isEqualTo(error("ERR syntax error"));
        assertThat(server.run("SCAN", "12345")).isEqualTo(error("ERR invalid cursor")); // never issued
    }

    @Test
    void scan_cursor_worksFromAnotherConnection() {
        for (int i = 0; i < 30; i++) {
            server.run("SET", "k" + i, "v");
        }
        Page first = scan("0", "COUNT", "10");
        Reply fromElsewhere = server.run(server.newSession(), "SCAN", first.cursor(), "COUNT", "100");
        List<Reply> keys =
                ((Reply.Array) ((Reply.Array) fromElsewhere).elements().get(1)).elements();
        assertThat(keys).hasSize(20);
    }

    /**
     * Model check: keys are added and deleted between pages; every key present from the scan's start to its end is
     * returned exactly once, and nothing is returned that never existed.
     */
    @Test
    void scan_withConcurrentChanges_returnsEveryKeyPresentThroughout(SeededRandom random) {
        Set<String> present = new TreeSet<>();
        Set<String> everExisted = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            String key = "k" + random.nextInt(1000);
            server.run("SET", key, "v");
            present.add(key);
        }
        everExisted.addAll(present);
        Set<String> presentThroughout = new TreeSet<>(present);
        List<String> returned = new ArrayList<>();
        String cursor = "0";
        int pages = 0;
        do {
            Page page = scan(cursor, "COUNT", Integer.toString(1 + random.nextInt(20)));
            returned.addAll(page.keys());
            cursor = page.cursor();
            for (int change = 0; change < 5; change++) {
                String key = "k" + random.nextInt(1000);
                if (random.nextBoolean()) {
                    server.run("SET", key, "v");
                    present.add(key);
                    everExisted.add(key);
                } else {
                    server.run("DEL", key);
                    present.remove(key);
                    presentThroughout.remove(key);
                }
            }
            assertThat(++pages).as("pages").isLessThan(2000);
        } while (!cursor.equals("0"));
        assertThat(returned).doesNotHaveDuplicates().containsAll(presentThroughout);
        assertThat(everExisted).containsAll(returned);
    }
}
