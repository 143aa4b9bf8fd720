package dev.keel.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many threads appending at once: nothing lost or duplicated, LSN order follows real time, and forces are shared. */
final class ConcurrentAppendTest {

    @TempDir
    Path dir;

    /** One append as a thread saw it: logical clock ticks before and after, and the LSN it got. */
    private record Op(long start, long end, long lsn, String payload) {}

    /** Runs {@code threads} threads, each calling {@code body} with its index; fails on any thread's failure. */
    private static void runThreads(int threads, ThrowingIntConsumer body) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int index = t;
            workers.add(Thread.ofPlatform().name("appender-" + t).start(() -> {
                try {
                    start.await();
                    body.accept(index);
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join(TimeUnit.MINUTES.toMillis(2));
            assertThat(worker.isAlive()).as("%s finished", worker.getName()).isFalse();
        }
        assertThat(failures).isEmpty();
    }

    @FunctionalInterface
    private interface ThrowingIntConsumer {
        void accept(int value) throws Exception;
    }

    @Test
    void manyAppenders_always_everyRecordOnceInOrderOfCompletion() throws Exception {
        int threads = 16;
        int each = 200;
        AtomicLong clock = new AtomicLong();
        List<Op> ops = Collections.synchronizedList(new ArrayList<>());
        WalOptions options = WalOptions.builder().segmentSize(64 * 1024).build();
        try (WriteAheadLog log = WriteAheadLog.open(dir, options)) {
            AtomicBoolean appending = new AtomicBoolean(true);
            List<Long> tailed = Collections.synchronizedList(new ArrayList<>());
            Thread tail = Thread.ofPlatform().name("tailer").start(() -> {
                try (LogReader reader = log.reader()) {
                    while (appending.get() || reader.hasNext()) {
                        if (reader.hasNext()) {
                            tailed.add(reader.next().lsn());
                        } else {
                            LockSupport.parkNanos(50_000); // a tailing consumer polls; nothing to synchronise on
                        }
                    }
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
            runThreads(threads, t -> {
                for (int i = 0; i < each; i++) {
                    String payload = "t" + t + "-" + i;
                    long start = clock.incrementAndGet();
                    long lsn = log.append(payload.getBytes(StandardCharsets.UTF_8));
                    long end = clock.incrementAndGet();
                    ops.add(new Op(start, end, lsn, payload));
                }
            });
            appending.set(false);
            tail.join(TimeUnit.MINUTES.toMillis(1));

            List<LogRecord> records = new ArrayList<>();
            try (LogReader reader = log.reader()) {
                reader.forEachRemaining(records::add);
            }
            assertThat(records).hasSize(threads * each);
            Set<String> seen = new HashSet<>();
            for (LogRecord record : records) {
                assertThat(seen.add(new String(record.payload(), StandardCharsets.UTF_8)))
                        .isTrue();
            }
            for (Op op : ops) {
                assertThat(log.read(op.lsn()).payload()).isEqualTo(op.payload().getBytes(StandardCharsets.UTF_8));
            }
            assertThat(tailed)
                    .as("a concurrent reader saw every record, in LSN order")
                    .containsExactlyElementsOf(
                            records.stream().map(LogRecord::lsn).toList());
            assertRealTimeOrder(ops);
            WalStats stats = log.stats();
            assertThat(stats.records()).isEqualTo(threads * each);
            assertThat(stats.forces()).isLessThanOrEqualTo(stats.records() + stats.segments());
        }
    }

    /** If append A returned before append B started, A's LSN is lower: the log is linearizable. */
    private static void assertRealTimeOrder(List<Op> ops) {
        List<Op> byStart = new ArrayList<>(ops);
        byStart.sort(Comparator.comparingLong(Op::start));
        List<Op> byEnd = new ArrayList<>(ops);
        byEnd.sort(Comparator.comparingLong(Op::end));
        long highestLsnEnded = -1;
        int ended = 0;
        for (Op op : byStart) {
            while (ended < byEnd.size() && byEnd.get(ended).end() < op.start()) {
                highestLsnEnded = Math.max(highestLsnEnded, byEnd.get(ended).lsn());
                ended++;
            }
            assertThat(op.lsn())
                    .as("LSN of %s, which started after appends up to LSN %d returned", op, highestLsnEnded)
                    .isGreaterThan(highestLsnEnded);
        }
    }

    @Test
    void groupCommit_appendsArrivingDuringAForce_shareTheNextOne() throws Exception {
        CountDownLatch forceMayFinish = new CountDownLatch(1);
        AtomicBoolean gateArmed = new AtomicBoolean(false);
        AtomicInteger forcesStarted = new AtomicInteger();
        ChannelOpener gated = (path, options) -> new ForwardingFileChannel(
                ChannelOpener.system().open(path, options)) {
            @Override
            public void force(boolean metaData) throws IOException {
                if (gateArmed.get() && forcesStarted.incrementAndGet() == 1) {
                    try {
                        assertThat(forceMayFinish.await(1, TimeUnit.MINUTES)).isTrue();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException(e);
                    }
                }
                super.force(metaData);
            }
        };
        int appenders = 12;
        try (WriteAheadLog log = WriteAheadLog.open(
                dir, WalOptions.builder().channelOpener(gated).build())) {
            gateArmed.set(true);
            Thread releaser = Thread.ofPlatform().name("releaser").start(() -> {
                // The first leader is stuck in its force; wait until every appender has framed its record.
                await().atMost(Duration.ofMinutes(1)).until(() -> log.stats().appends() == appenders);
                forceMayFinish.countDown();
            });
            runThreads(appenders, t -> log.append(ByteBuffer.wrap(new byte[] {(byte) t})));
            releaser.join();
            WalStats stats = log.stats();
            assertThat(stats.records()).isEqualTo(appenders);
            assertThat(stats.forces())
                    .as("one force for the first leader's record, one for the %d that framed meanwhile", appenders - 1)
                    .isEqualTo(2);
        }
    }
}
