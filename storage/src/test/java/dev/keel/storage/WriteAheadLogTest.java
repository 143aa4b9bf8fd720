package dev.keel.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.keel.testing.Gens;
import dev.keel.testing.Property;
import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SeedExtension.class)
final class WriteAheadLogTest {

    @TempDir
    Path dir;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<LogRecord> readAll(WriteAheadLog log) throws IOException {
        List<LogRecord> records = new ArrayList<>();
        try (LogReader reader = log.reader()) {
            reader.forEachRemaining(records::add);
        }
        return records;
    }

    @Test
    void open_emptyDirectory_createsFirstSegmentAndIsEmpty() throws IOException {
        try (WriteAheadLog log = WriteAheadLog.open(dir, WalOptions.defaults())) {
            assertThat(readAll(log)).isEmpty();
            assertThat(log.firstLsn()).isZero();
            assertThat(log.endLsn()).isEqualTo(LogFormat.SEGMENT_HEADER_SIZE);
            assertThat(log.recoveryReport().isClean()).isTrue();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("00000000000000000000.log", "wal.lock");
        }
    }

    @Test
    void append_thenRead_returnsRecordsInOrderWithStrictlyIncreasingLsns() throws IOException {
        try (WriteAheadLog log = WriteAheadLog.open(dir, WalOptions.defaults())) {
            long a = log.append(bytes("alpha"));
            long b = log.append(bytes("beta"));
            long c = log.append(new byte[0]);
            assertThat(a).isLessThan(b);
            assertThat(b).isLessThan(c);
            assertThat(readAll(log))
                    .containsExactly(
                            new LogRecord(a, bytes("alpha")),
                            new LogRecord(b, bytes("beta")),
                            new LogRecord(c, new byte[0]));
            assertThat(log.read(b).payload()).isEqualTo(bytes("beta"));
        }
    }

    @Test
    void append_byteBuffer_doesNotConsumeTheBuffer() throws IOException {
        try (WriteAheadLog log = WriteAheadLog.open(dir, WalOptions.defaults())) {
            ByteBuffer payload = ByteBuffer.wrap(bytes("xxhelloxx")).position(2).limit(7);
            long lsn = log.append(payload);
            assertThat(payload.position()).isEqualTo(2);
            assertThat(log.read(lsn).payload()).isEqualTo(bytes("hello"));
        }
    }

    @Test
    void recordsOfEverySize_roundTripThroughReaderAndRead_acrossBlocksAndReopen(SeededRandom random)
            throws IOException {
        List<byte[]> appended = new ArrayList<>();
        List<Long> lsns = new ArrayList<>();
        WalOptions options = WalOptions.builder().segmentSize(256 * 1024).build();
        try (WriteAheadLog log = WriteAheadLog.open(dir, options)) {
            Property.forAll(random, 400, Gens.bytes(0, 100_000).filter(b -> true), payload -> {
                try {
                    lsns.add(log.append(payload));
                    appended.add(payload);
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
            assertThat(log.stats().segments()).isGreaterThan(1);
        }
        try (WriteAheadLog log = WriteAheadLog.open(dir, options)) {
            assertThat(log.recoveryReport().records()).isEqualTo(appended.size());
            assertThat(log.recoveryReport().isClean()).isTrue();
            List<LogRecord> records = readAll(log);
            assertThat(records).hasSize(appended.size());
            for (int i = 0; i < appended.size(); i++) {
                assertThat(records.get(i).lsn()).isEqualTo(lsns.get(i));
                assertThat(records.get(i).payload()).isEqualTo(appended.get(i));
                assertThat(log.read(lsns.get(i)).payload()).isEqualTo(appended.get(i));
            }
        }
    }

    @Test
    void recordsEndingNearBlockBoundaries_allRoundTrip() throws IOException {
        try (WriteAheadLog log = WriteAheadLog.open(dir, WalOptions.defaults())) {
            List<Long> lsns = new ArrayList<>();
            // Walk record ends across the last 20 bytes of the first block, where padding and empty FIRST fragments
            // occur.
            int firstPayload =
                    LogFormat.BLOCK_SIZE - LogFormat.SEGMENT_HEADER_SIZE - 2 * LogFormat.FRAGMENT_HEADER_SIZE - 30;
            lsns.add(log.append(new byte[firstPayload]));
            for (int size = 0; size < 20; size++) {
                lsns.add(log.append(new byte[size]));
            }
            List<LogRecord> records = readAll(log);
            assertThat(records).extracting(LogRecord::lsn).containsExactlyElementsOf(lsns);
            for (long lsn : lsns) {
                assertThat(log.read(lsn).lsn()).isEqualTo(lsn);
            }
        }
        try (WriteAheadLog log = WriteAheadLog.open(dir, WalOptions.defaults())) {
            assertThat(log.recoveryReport().records()).isEqualTo(21);
        }
    }

    @Test
    void segmentRoll_namesFilesByZeroPaddedBaseLsn_andReadersCrossSegments() throws IOException {
        WalOptions options = WalOptions.builder().segmentSize(4096).build();
        List<Long> lsns = new ArrayList<>();
        try (WriteAheadLog log = WriteAheadLog.open(dir, options)) {
            for (int i = 0; i < 100; i++) {
                lsns.add(log.append(new byte[300]));
            }
            WalStats stats = log.stats();
            assertThat(stats.segments()).isGreaterThanOrEqualTo(7);
            assertThat(readAll(log)).extracting(LogRecord::lsn).containsExactlyElementsOf(lsns);
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".log"))
                    .sorted()
                    .toList();
            assertThat(names).allMatch(n -> n.matches("\\d{20}\\.log")).first().isEqualTo("00000000000000000000.log");
            long previous = -1;
            for (String name : names) {
                long base = Long.parseLong(name.substring(0, 20));
                assertThat(base).isGreaterThan(previous);
                previous = base;
            }
        }
    }

    @Test
    void segmentBases_listEverySegmentOldestFirst_endingWithTheActiveOne() throws IOException {
        try (WriteAheadLog log =
                WriteAheadLog.open(dir, WalOptions.builder().segmentSize(4096).build())) {
            assertThat(log.segmentBases()).containsExactly(0L);
            long last = 0;
            for (int i = 0; i < 30; i++) {
                last = log.append(new byte[500]);
            }
            List<Long> bases = log.segmentBases();
            assertThat(bases).hasSize(log.stats().segments()).isSorted().startsWith(0L);
            assertThat(bases.getLast()).isLessThanOrEqualTo(last);
        }
    }

    @Test
    void appendBatch_returnsConsecutiveLsns_andReadersSeeEveryRecord() throws IOException {
        try (WriteAheadLog log = WriteAheadLog.open(dir, WalOptions.defaults())) {
            long before = log.append(bytes("before"));
            long[] lsns = log.appendBatch(List.of(bytes("one"), bytes("two"), new byte[70_000], bytes("four")));
            assertThat(lsns).hasSize(4).isSorted();
            assertThat(lsns[0]).isGreaterThan(before);
            assertThat(readAll(log))
                    .extracting(LogRecord::lsn)
                    .containsExactly(before, lsns[0], lsns[1], lsns[2], lsns[3]);
            assertThat(log.appendBatch(List.of())).isEmpty();
            assertThat(log.stats().records()).isEqualTo(5);
        }
    }

    @Test
    void append_tooLarge_isRejectedNamingTheSize_andChangesNothing() throws IOException {
        WalOptions options =
                WalOptions.builder().maxRecordSize(1000).maxBatchSize(1500).build();
        try (WriteAheadLog log = WriteAheadLog.open(dir, options)) {
            long end = log.endLsn();
            assertThatThrownBy(() -> log.append(new byte[1001]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("record 0 of 1001 bytes exceeds maxRecordSize 1000");
            assertThatThrownBy(() -> log.appendBatch(List.of(new byte[800], new byte[800])))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("batch of 1600 bytes exceeds maxBatchSize 1500");
            assertThat(log.endLsn()).isEqualTo(end);
            assertThat(log.stats().appends()).isZero();
        }
    }

    @Test
    void read_lsnThatIsNotARecord_failsWithNoSuchRecord() throws IOException {
        try (WriteAheadLog log = WriteAheadLog.open(dir, WalOptions.defaults())) {
            long lsn = log.append(bytes("hello world"));
            for (long bad : new long[] {lsn + 1, lsn + 3, 0, 5, log.endLsn(), log.endLsn() + 100}) {
                assertThatThrownBy(() -> log.read(bad))
                        .isInstanceOf(StorageException.class)
                        .satisfies(e -> assertThat(((StorageException) e).code())
                                .isEqualTo(StorageException.Code.NO_SUCH_RECORD))
                        .hasMessageContaining("LSN " + bad);
            }
        }
    }

    @Test
    void reader_fromAMiddleRecord_startsThere_andSeesLaterAppends() throws IOException {
        try (WriteAheadLog log = WriteAheadLog.open(dir, WalOptions.defaults())) {
            log.append(bytes("a"));
            long b = log.append(bytes("b"));
            try (LogReader reader = log.reader(b)) {
                assertThat(reader.next().payload()).isEqualTo(bytes("b"));
                assertThat(reader.hasNext()).isFalse();
                long c = log.append(bytes("c"));
                assertThat(reader.hasNext()).isTrue();
                assertThat(reader.next()).isEqualTo(new LogRecord(c, bytes("c")));
            }
            long end = log.endLsn();
            try (LogReader tail = log.reader(end)) {
                assertThat(tail.hasNext()).isFalse();
                long d = log.append(bytes("d"));
                assertThat(tail.next().lsn()).isEqualTo(d);
            }
            assertThatThrownBy(() -> {
                        try (LogReader reader = log.reader(b + 2)) {
                            reader.hasNext();
                        }
                    })
                    .hasRootCauseInstanceOf(StorageException.class)
                    .hasMessageContaining("is not the start of a record");
        }
    }

    @Test
    void truncateBefore_deletesWholeOldSegments_keepsTheRestReadable() throws IOException {
        WalOptions options = WalOptions.builder().segmentSize(4096).build();
        try (WriteAheadLog log = WriteAheadLog.open(dir, options)) {
            List<Long> lsns = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                lsns.add(log.append(new byte[500]));
            }
            int before = log.stats().segments();
            long cut = lsns.get(40);
            int deleted = log.truncateBefore(cut);
            assertThat(deleted).isPositive();
            assertThat(log.stats().segments()).isEqualTo(before - deleted);
            assertThat(log.firstLsn()).isLessThanOrEqualTo(cut);
            assertThat(readAll(log).getFirst().lsn()).isEqualTo(log.firstLsn() + LogFormat.SEGMENT_HEADER_SIZE);
            assertThat(readAll(log)).extracting(LogRecord::lsn).containsSubsequence(lsns.subList(40, 60));
            assertThatThrownBy(() -> log.read(lsns.getFirst()))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("before the start of the log");
            assertThat(log.truncateBefore(Long.MAX_VALUE)).isGreaterThanOrEqualTo(0);
            assertThat(log.stats().segments()).isEqualTo(1);
        }
        try (WriteAheadLog reopened = WriteAheadLog.open(dir, options)) {
            assertThat(reopened.recoveryReport().isClean()).isTrue();
        }
    }

    @Test
    void readerHoldingASegment_keepsReadingItAfterTruncateBefore() throws IOException {
        WalOptions options = WalOptions.builder().segmentSize(4096).build();
        try (WriteAheadLog log = WriteAheadLog.open(dir, options)) {
            List<Long> lsns = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                lsns.add(log.append(new byte[500]));
            }
            long secondSegment =
                    lsns.stream().filter(lsn -> lsn > 4096).findFirst().orElseThrow();
            try (LogReader reader = log.reader()) {
                LogRecord first = reader.next();
                assertThat(log.truncateBefore(secondSegment)).isEqualTo(1);
                List<Long> rest = new ArrayList<>();
                reader.forEachRemaining(record -> rest.add(record.lsn()));
                assertThat(first.lsn()).isEqualTo(lsns.getFirst());
                assertThat(rest).containsExactlyElementsOf(lsns.subList(1, 30));
            }
        }
    }

    @Test
    void readerBehindATruncation_failsNamingTheGap_ratherThanSkippingRecords() throws IOException {
        WalOptions options = WalOptions.builder().segmentSize(4096).build();
        try (WriteAheadLog log = WriteAheadLog.open(dir, options)) {
            for (int i = 0; i < 30; i++) {
                log.append(new byte[500]);
            }
            try (LogReader reader = log.reader()) {
                reader.next();
                log.truncateBefore(log.endLsn());
                assertThatThrownBy(() -> reader.forEachRemaining(record -> {}))
                        .hasRootCauseInstanceOf(StorageException.class)
                        .hasMessageContaining("were truncated while this reader was behind them");
            }
        }
    }

    @Test
    void syncPolicyNone_sync_makesEverythingDurable() throws IOException {
        try (WriteAheadLog log = WriteAheadLog.open(
                dir, WalOptions.builder().syncPolicy(SyncPolicy.NONE).build())) {
            log.append(bytes("x"));
            assertThat(log.durableLsn()).isLessThan(log.endLsn());
            assertThat(log.stats().forces()).isZero();
            log.sync();
            assertThat(log.durableLsn()).isEqualTo(log.endLsn());
            assertThat(log.stats().forces()).isEqualTo(1);
        }
    }

    @Test
    void syncPolicyAlways_everyReturnedAppendIsDurable() throws IOException {
        try (WriteAheadLog log = WriteAheadLog.open(dir, WalOptions.defaults())) {
            for (int i = 0; i < 10; i++) {
                log.append(bytes("r" + i));
                assertThat(log.durableLsn()).isEqualTo(log.endLsn());
            }
        }
    }

    @Test
    void syncPolicyInterval_forcesInTheBackground() throws IOException {
        WalOptions options = WalOptions.builder()
                .syncPolicy(SyncPolicy.interval(Duration.ofMillis(5)))
                .build();
        try (WriteAheadLog log = WriteAheadLog.open(dir, options)) {
            log.append(bytes("x"));
            long end = log.endLsn();
            await().atMost(Duration.ofSeconds(10)).until(() -> log.durableLsn() >= end);
            assertThat(log.stats().forces()).isPositive();
        }
    }

    @Test
    void closed_log_rejectsWork_andCloseIsIdempotent() throws IOException {
        WriteAheadLog log = WriteAheadLog.open(dir, WalOptions.defaults());
        log.close();
        log.close();
        assertThatThrownBy(() -> log.append(bytes("late")))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("is closed")
                .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(StorageException.Code.CLOSED));
    }

    @Test
    void open_twice_failsWithLocked() throws IOException {
        try (WriteAheadLog log = WriteAheadLog.open(dir, WalOptions.defaults())) {
            assertThatThrownBy(() -> WriteAheadLog.open(dir, WalOptions.defaults()))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("is already open")
                    .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(StorageException.Code.LOCKED));
        }
        try (WriteAheadLog again = WriteAheadLog.open(dir, WalOptions.defaults())) {
            assertThat(again.recoveryReport().isClean()).isTrue();
        }
    }

    @Test
    void interruptedAppender_stillCommits_keepsItsInterruptStatus_andTheLogKeepsWorking() throws IOException {
        try (WriteAheadLog log = WriteAheadLog.open(dir, WalOptions.defaults())) {
            Thread.currentThread().interrupt();
            long lsn;
            try {
                lsn = log.append(bytes("while interrupted"));
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
            assertThat(log.read(lsn).payload()).isEqualTo(bytes("while interrupted"));
            log.append(bytes("after"));
            assertThat(readAll(log)).hasSize(2);
        }
    }

    @Test
    void appendBatchUnforced_underAlways_writesWithoutForcing_andIsDurableOnceSynced() throws IOException {
        try (WriteAheadLog log = WriteAheadLog.open(dir, WalOptions.defaults())) {
            long forced = log.append(bytes("forced"));
            long forcesBefore = log.stats().forces();
            long[] lsns = log.appendBatchUnforced(List.of(bytes("one"), bytes("two")));

            assertThat(lsns).hasSize(2);
            assertThat(lsns[0]).isGreaterThan(forced);
            assertThat(log.stats().forces()).as("no force on the unforced path").isEqualTo(forcesBefore);
            assertThat(log.durableLsn()).isLessThan(log.endLsn());
            assertThat(log.read(lsns[1]).payload())
                    .as("written: readers see it")
                    .isEqualTo(bytes("two"));

            log.sync();
            assertThat(log.durableLsn()).isEqualTo(log.endLsn());
            assertThat(log.stats().forces()).isEqualTo(forcesBefore + 1);
            assertThat(log.appendBatchUnforced(List.of())).isEmpty();
        }
        try (WriteAheadLog again = WriteAheadLog.open(dir, WalOptions.defaults())) {
            assertThat(readAll(again))
                    .extracting(LogRecord::payload)
                    .containsExactly(bytes("forced"), bytes("one"), bytes("two"));
        }
    }

    @Test
    void appendBatchUnforced_checksSizes_likeAppendBatch() throws IOException {
        WalOptions options = WalOptions.builder().maxRecordSize(16).build();
        try (WriteAheadLog log = WriteAheadLog.open(dir, options)) {
            assertThatThrownBy(() -> log.appendBatchUnforced(List.of(new byte[4], new byte[17])))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("record 1 of 17 bytes exceeds maxRecordSize 16");
            assertThat(readAll(log)).isEmpty();
        }
    }

    /**
     * One writer appends unforced while two threads sync concurrently (their forces overlap): nothing deadlocks, every
     * record is in order, and once the syncs are done with the writer stopped, the log is durable to its end.
     */
    @Test
    void appendBatchUnforced_withConcurrentSyncs_staysOrderedAndEndsDurable() throws Exception {
        WalOptions options = WalOptions.builder().segmentSize(8 * 1024).build();
        int records = 3_000;
        try (WriteAheadLog log = WriteAheadLog.open(dir, options)) {
            java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
            List<Thread> syncers = new ArrayList<>();
            List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < 2; t++) {
                syncers.add(Thread.ofPlatform().name("syncer-" + t).start(() -> {
                    try {
                        while (writing.get()) {
                            log.sync();
                        }
                    } catch (IOException | RuntimeException e) {
                        failures.add(e);
                    }
                }));
            }
            try {
                for (int i = 0; i < records; i++) {
                    log.appendBatchUnforced(List.of(bytes("record " + i)));
                }
            } finally {
                writing.set(false);
                for (Thread syncer : syncers) {
                    syncer.join(Duration.ofSeconds(60));
                    assertThat(syncer.isAlive())
                            .as("%s finished", syncer.getName())
                            .isFalse();
                }
            }
            assertThat(failures).isEmpty();
            log.sync();
            assertThat(log.durableLsn()).isEqualTo(log.endLsn());
            assertThat(log.segmentBases()).as("the writer rolled segments").hasSizeGreaterThan(1);
            List<LogRecord> all = readAll(log);
            assertThat(all).hasSize(records);
            for (int i = 0; i < records; i++) {
                assertThat(all.get(i).payload()).isEqualTo(bytes("record " + i));
            }
        }
    }
}
