package dev.keel.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.FaultyDisk;
import dev.keel.testing.SeededRandom;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Power cuts at thousands of seeded points, on a disk model that loses, tears and reorders unsynced writes
 * ({@link FaultyDisk}); then recovery on the real files. Checked every time: the log opens (a crash never makes it
 * refuse), every append acknowledged under ALWAYS is present at its LSN and intact, no batch is half-present, and
 * nothing appears that was not appended, in append order.
 */
final class CrashTest {

    private static final int SINGLE_THREAD_CUTS = 3_000;
    private static final int CONCURRENT_CUTS = 200;
    private static final FaultyDisk.CrashMode[] MODES = FaultyDisk.CrashMode.values();

    @TempDir
    Path root;

    /** One record handed to the log: its id (its position in the workload) and, once acknowledged, its LSN. */
    private record Attempt(int id, int batch, int batchSize, byte[] payload) {}

    private static byte[] payloadFor(int id, int length) {
        byte[] payload = new byte[length + 8];
        java.nio.ByteBuffer.wrap(payload).putInt(id).putInt(length);
        for (int i = 8; i < payload.length; i++) {
            payload[i] = (byte) (id * 7 + i);
        }
        return payload;
    }

    private static int idOf(byte[] payload) {
        return java.nio.ByteBuffer.wrap(payload).getInt();
    }

    private WalOptions options(FaultyDisk disk, SyncPolicy policy) {
        return WalOptions.builder()
                .segmentSize(2048)
                .syncPolicy(policy)
                .channelOpener(disk::open)
                .build();
    }

    @Test
    void singleAppender_powerCutAtThousandsOfPoints_losesNothingAcknowledged() throws IOException {
        int opened = 0;
        int truncatedTails = 0;
        for (int cut = 0; cut < SINGLE_THREAD_CUTS; cut++) {
            Path dir = Files.createDirectory(root.resolve("cut-" + cut));
            SeededRandom random = SeededRandom.withSeed(cut);
            FaultyDisk disk = FaultyDisk.create(random.split()).crashMode(MODES[cut % MODES.length]);
            if (cut % 2 == 0) {
                disk.cutPowerAfterWrites(1 + random.nextInt(60));
            } else {
                disk.cutPowerAfterBytes(random.nextLong(0, 40_000));
            }
            SyncPolicy policy = cut % 10 == 9 ? SyncPolicy.NONE : SyncPolicy.ALWAYS;
            // Every third cut under ALWAYS appends unforced and acknowledges only what a later sync() covered.
            boolean unforced = policy == SyncPolicy.ALWAYS && cut % 3 == 1;
            List<Attempt> attempts = new ArrayList<>();
            Map<Integer, Long> acknowledged = new HashMap<>();
            try (WriteAheadLog log = WriteAheadLog.open(dir, options(disk, policy))) {
                opened++;
                runUntilPowerCut(log, random, attempts, acknowledged, unforced);
            } catch (IOException powerCut) {
                assertThat(disk.isPowerCut())
                        .as("cut %d: failure %s is the power cut", cut, powerCut)
                        .isTrue();
            }
            truncatedTails += verifyRecovery(dir, cut, attempts, policy == SyncPolicy.ALWAYS ? acknowledged : Map.of());
            deleteRecursively(dir);
        }
        assertThat(opened).as("most cuts land after the log opened").isGreaterThan(SINGLE_THREAD_CUTS / 2);
        assertThat(truncatedTails)
                .as("the cuts tear records, which recovery truncates")
                .isGreaterThan(SINGLE_THREAD_CUTS / 10);
    }

    /**
     * Appends until the power cut. With {@code unforced}, appends through {@code appendBatchUnforced} and acknowledges
     * a record only once a {@code sync()} that started after it was written has returned (how a writer that overlaps
     * forces acknowledges).
     */
    private static void runUntilPowerCut(
            WriteAheadLog log,
            SeededRandom random,
            List<Attempt> attempts,
            Map<Integer, Long> acknowledged,
            boolean unforced) {
        Map<Integer, Long> written = new HashMap<>();
        try {
            for (int batch = 0; ; batch++) {
                int size = random.chance(1, 4) ? random.nextInt(2, 5) : 1;
                List<Attempt> group = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    int id = attempts.size() + group.size();
                    int length = random.chance(1, 10) ? random.nextInt(1_000, 3_000) : random.nextInt(0, 200);
                    group.add(new Attempt(id, batch, size, payloadFor(id, length)));
                }
                attempts.addAll(group);
                List<byte[]> payloads = group.stream().map(Attempt::payload).toList();
                if (unforced) {
                    long[] lsns = log.appendBatchUnforced(payloads);
                    for (int i = 0; i < size; i++) {
                        written.put(group.get(i).id(), lsns[i]);
                    }
                    if (random.chance(1, 3)) {
                        log.sync();
                        acknowledged.putAll(written);
                        written.clear();
                    }
                    continue;
                }
                long[] lsns =
                        size == 1 ? new long[] {log.append(group.getFirst().payload())} : log.appendBatch(payloads);
                for (int i = 0; i < size; i++) {
                    acknowledged.put(group.get(i).id(), lsns[i]);
                }
            }
        } catch (IOException powerCut) {
            // The workload runs until the disk dies; what it acknowledged before that is what recovery must keep.
        }
    }

    /** Reopens on the real files and checks the log; returns 1 if recovery truncated a torn tail. */
    private int verifyRecovery(Path dir, int cut, List<Attempt> attempts, Map<Integer, Long> mustSurvive)
            throws IOException {
        WalOptions real = WalOptions.builder().segmentSize(2048).build();
        List<LogRecord> records = new ArrayList<>();
        boolean truncated;
        try (WriteAheadLog log = WriteAheadLog.open(dir, real)) {
            truncated = log.recoveryReport().truncation().isPresent();
            try (LogReader reader = log.reader()) {
                reader.forEachRemaining(records::add);
            }
            log.append(payloadFor(-1, 1));
        }
        String context = "cut " + cut + " (replay: seed " + cut + ")";
        int previousId = -1;
        Map<Integer, Integer> recordsPerBatch = new HashMap<>();
        for (LogRecord record : records) {
            int id = idOf(record.payload());
            assertThat(id).as("%s: record ids ascend in append order", context).isGreaterThan(previousId);
            assertThat(id).as("%s: record %d was appended", context, id).isLessThan(attempts.size());
            Attempt attempt = attempts.get(id);
            assertThat(record.payload())
                    .as("%s: record %d is intact", context, id)
                    .isEqualTo(attempt.payload());
            recordsPerBatch.merge(attempt.batch(), 1, Integer::sum);
            previousId = id;
        }
        for (Map.Entry<Integer, Integer> batch : recordsPerBatch.entrySet()) {
            int expected = attempts.stream()
                    .filter(a -> a.batch() == batch.getKey())
                    .findFirst()
                    .orElseThrow()
                    .batchSize();
            assertThat(batch.getValue())
                    .as("%s: batch %d is whole", context, batch.getKey())
                    .isEqualTo(expected);
        }
        Map<Integer, Long> present = new HashMap<>();
        for (LogRecord record : records) {
            present.put(idOf(record.payload()), record.lsn());
        }
        assertThat(present)
                .as("%s: every acknowledged append is present at its LSN", context)
                .containsAllEntriesOf(mustSurvive);
        try (WriteAheadLog again = WriteAheadLog.open(dir, real)) {
            assertThat(again.recoveryReport().isClean())
                    .as("%s: recovery leaves a clean log", context)
                    .isTrue();
        }
        return truncated ? 1 : 0;
    }

    @Test
    void concurrentAppenders_powerCut_losesNothingAcknowledged() throws Exception {
        for (int cut = 0; cut < CONCURRENT_CUTS; cut++) {
            Path dir = Files.createDirectory(root.resolve("concurrent-" + cut));
            SeededRandom random = SeededRandom.withSeed(100_000 + cut);
            FaultyDisk disk = FaultyDisk.create(random.split())
                    .crashMode(MODES[cut % MODES.length])
                    .cutPowerAfterWrites(5 + random.nextInt(40));
            Map<Integer, Long> acknowledged = Collections.synchronizedMap(new HashMap<>());
            List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
            try (WriteAheadLog log = WriteAheadLog.open(dir, options(disk, SyncPolicy.ALWAYS))) {
                appendFromThreads(log, 4, attempts, acknowledged);
            } catch (IOException powerCut) {
                assertThat(disk.isPowerCut()).isTrue();
            }
            List<Attempt> byId = new ArrayList<>(attempts);
            byId.sort(Comparator.comparingInt(Attempt::id));
            verifyConcurrent(dir, cut, byId, acknowledged);
            deleteRecursively(dir);
        }
    }

    private static void appendFromThreads(
            WriteAheadLog log, int threads, List<Attempt> attempts, Map<Integer, Long> acknowledged)
            throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        List<Throwable> unexpected = Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads; t++) {
            int thread = t;
            workers.add(Thread.ofPlatform().name("crash-appender-" + t).start(() -> {
                try {
                    start.await();
                    for (int i = 0; ; i++) {
                        int id = thread * 1_000_000 + i;
                        Attempt attempt = new Attempt(id, id, 1, payloadFor(id, (id * 13) % 700));
                        attempts.add(attempt);
                        long lsn = log.append(attempt.payload());
                        acknowledged.put(id, lsn);
                    }
                } catch (IOException expected) {
                    // The power cut: this thread's last append may or may not have survived.
                } catch (Throwable e) {
                    unexpected.add(e);
                }
            }));
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join(Duration.ofMinutes(1).toMillis());
            assertThat(worker.isAlive()).isFalse();
        }
        assertThat(unexpected).isEmpty();
    }

    private static void verifyConcurrent(Path dir, int cut, List<Attempt> attempts, Map<Integer, Long> acknowledged)
            throws IOException {
        Map<Integer, Attempt> byId = new HashMap<>();
        for (Attempt attempt : attempts) {
            byId.put(attempt.id(), attempt);
        }
        Map<Integer, Long> present = new HashMap<>();
        try (WriteAheadLog log = WriteAheadLog.open(
                        dir, WalOptions.builder().segmentSize(2048).build());
                LogReader reader = log.reader()) {
            while (reader.hasNext()) {
                LogRecord record = reader.next();
                int id = idOf(record.payload());
                assertThat(byId)
                        .as("concurrent cut %d: record %d was appended", cut, id)
                        .containsKey(id);
                assertThat(record.payload()).isEqualTo(byId.get(id).payload());
                assertThat(present.put(id, record.lsn()))
                        .as("record %d appears once", id)
                        .isNull();
            }
        }
        assertThat(present)
                .as("concurrent cut %d: every acknowledged append is present", cut)
                .containsAllEntriesOf(acknowledged);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
