package dev.keel.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class WarcTest {

    /** One WARC record: its named fields and its block. */
    private record Record(Map<String, String> fields, byte[] block) {}

    /** Reads a WARC file strictly: version line, fields, empty line, Content-Length bytes, CRLF CRLF. */
    private static List<Record> read(byte[] file) {
        List<Record> records = new ArrayList<>();
        int at = 0;
        while (at < file.length) {
            int headerEnd = indexOf(file, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), at);
            String[] lines = new String(file, at, headerEnd - at, StandardCharsets.UTF_8).split("\r\n");
            assertThat(lines[0]).isEqualTo("WARC/1.1");
            Map<String, String> fields = new TreeMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                fields.put(
                        lines[i].substring(0, colon),
                        lines[i].substring(colon + 1).strip());
            }
            int length = Integer.parseInt(fields.get("Content-Length"));
            int blockStart = headerEnd + 4;
            byte[] block = java.util.Arrays.copyOfRange(file, blockStart, blockStart + length);
            assertThat(new String(file, blockStart + length, 4, StandardCharsets.US_ASCII))
                    .isEqualTo("\r\n\r\n");
            records.add(new Record(fields, block));
            at = blockStart + length + 4;
        }
        return records;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("no end of WARC header after byte " + from);
    }

    @Test
    void warc_holdsAWarcinfoAndOneResponseRecordPerPage(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("crawl.warc");
        try (TestSite site = TestSite.start()) {
            site.linking("/", "/a", "/ü").linking("/a");
            site.page("/%C3%BC", "<title>umlaut</title>");
            List<Page> pages =
                    WebCrawler.builder().delay(Duration.ZERO).warc(file).build().crawl(site.url("/"));
            List<Record> records = read(Files.readAllBytes(file));
            assertThat(records.getFirst().fields()).containsEntry("WARC-Type", "warcinfo");
            List<Record> responses = records.subList(1, records.size());
            assertThat(responses).hasSize(pages.size()).hasSize(3);
            assertThat(responses)
                    .extracting(record -> record.fields().get("WARC-Target-URI"))
                    .containsExactlyInAnyOrder(site.url("/"), site.url("/a"), site.url("/%C3%BC"));
            Record umlaut = responses.stream()
                    .filter(record -> record.fields().get("WARC-Target-URI").endsWith("/%C3%BC"))
                    .findFirst()
                    .orElseThrow();
            String block = new String(umlaut.block(), StandardCharsets.UTF_8);
            assertThat(block)
                    .startsWith("HTTP/1.1 200\r\nContent-Type: text/html\r\n")
                    .endsWith("<title>umlaut</title>");
            assertThat(umlaut.fields())
                    .containsEntry("Content-Type", "application/http;msgtype=response")
                    .containsKey("WARC-Record-ID")
                    .containsKey("WARC-Date");

            WebCrawler.builder().delay(Duration.ZERO).warc(file).build().crawl(site.url("/a"));
            List<Record> appended = read(Files.readAllBytes(file));
            assertThat(appended)
                    .hasSize(5)
                    .filteredOn(r -> r.fields().get("WARC-Type").equals("warcinfo"))
                    .hasSize(1);
        }
    }
}
