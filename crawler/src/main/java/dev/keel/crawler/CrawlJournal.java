package dev.keel.crawler;

import dev.keel.storage.LogReader;
import dev.keel.storage.LogRecord;
import dev.keel.storage.SyncPolicy;
import dev.keel.storage.WalOptions;
import dev.keel.storage.WriteAheadLog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The crawl's journal: what was discovered and what was finished, on keel-storage's write-ahead log, so that a crawl
 * killed with {@code kill -9} resumes where it stopped.
 *
 * <p>Record schema (each record is framed by the log with its length and a CRC32C, see {@code WriteAheadLog}):
 * <pre>
 *   byte    type     1 = DISCOVERED (queued at depth), 2 = FETCHED (a page, counts against maxPages),
 *                    3 = DONE (finished without a page: robots-forbidden, a duplicate redirect, a redirect target)
 *   u16     depth    big-endian; 0 for types 2 and 3
 *   bytes   url      UTF-8, the rest of the record, normalised
 * </pre>
 *
 * <p>How it is designed, and why: the frontier and the seen set are both functions of this log: seen = every URL in
 * it, queued = DISCOVERED minus FETCHED and DONE, pages already fetched = FETCHED. A page's children are appended
 * in the same batch as its FETCHED record and before it, so that the log's order guarantees a FETCHED page never
 * loses its children. A page that was being fetched when the process died has no FETCHED record and is fetched again
 * on resume: at most the in-flight pages are fetched twice. Snapshots of the frontier were rejected as premature: the
 * log is replayed at a few million records per second, and compaction can come when a crawl needs it.
 *
 * <p>Sync policy: the log is forced every 200 ms in the background. A killed process loses nothing (the bytes are
 * in the page cache); a power cut loses at most the last 200 ms, which means pages fetched again, never pages lost.
 *
 * <p>Thread-safe, as the log is.
 */
final class CrawlJournal implements AutoCloseable {

    static final byte DISCOVERED = 1;
    static final byte FETCHED = 2;
    static final byte DONE = 3;

    /** What a journal held when it was opened. */
    record Recovered(Map<String, Integer> queued, List<String> seen, List<String> fetched) {
        boolean isEmpty() {
            return seen.isEmpty() && fetched.isEmpty();
        }
    }

    private final WriteAheadLog log;

    private CrawlJournal(WriteAheadLog log) {
        this.log = log;
    }

    static CrawlJournal open(Path directory) throws IOException {
        WalOptions options = WalOptions.builder()
                .syncPolicy(SyncPolicy.interval(Duration.ofMillis(200)))
                .build();
        return new CrawlJournal(WriteAheadLog.open(directory.resolve("journal"), options));
    }

    /** Replays the journal. */
    Recovered recover() throws IOException {
        Map<String, Integer> queued = new LinkedHashMap<>();
        List<String> seen = new ArrayList<>();
        List<String> fetched = new ArrayList<>();
        try (LogReader reader = log.reader()) {
            while (reader.hasNext()) {
                LogRecord record = reader.next();
                byte[] payload = record.payload();
                if (payload.length < 3) {
                    throw new IOException("journal record at LSN " + record.lsn() + " is " + payload.length
                            + " bytes (expected: at least 3)");
                }
                int depth = ((payload[1] & 0xFF) << 8) | (payload[2] & 0xFF);
                String url = new String(payload, 3, payload.length - 3, StandardCharsets.UTF_8);
                switch (payload[0]) {
                    case DISCOVERED -> {
                        queued.put(url, depth);
                        seen.add(url);
                    }
                    case FETCHED -> {
                        queued.remove(url);
                        fetched.add(url);
                    }
                    case DONE -> {
                        if (queued.remove(url) == null) {
                            seen.add(url);
                        }
                    }
                    default ->
                        throw new IOException("journal record at LSN " + record.lsn() + " has type " + payload[0]
                                + " (expected: 1, 2 or 3)");
                }
            }
        }
        return new Recovered(queued, seen, fetched);
    }

    /** Appends {@code records} in order, in one batch. */
    void append(List<byte[]> records) throws IOException {
        if (!records.isEmpty()) {
            log.appendBatch(records);
        }
    }

    static byte[] record(byte type, int depth, String url) {
        byte[] bytes = url.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(3 + bytes.length)
                .put(type)
                .putShort((short) Math.min(depth, 0xFFFF))
                .put(bytes)
                .array();
    }

    @Override
    public void close() throws IOException {
        log.close();
    }
}
