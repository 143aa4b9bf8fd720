package dev.keel.bench.storage;

import dev.keel.bench.KeelBenchmark;
import dev.keel.bench.ScratchDirectory;
import dev.keel.storage.LogReader;
import dev.keel.storage.LogRecord;
import dev.keel.storage.SyncPolicy;
import dev.keel.storage.WalOptions;
import dev.keel.storage.WriteAheadLog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * How fast keel's write-ahead log reads back, once its pages are cached: a {@link LogReader} scanning every record in
 * order (what recovery and a tailing replica do), and {@link WriteAheadLog#read(long)} of one record at a uniformly
 * random LSN (what a lookup by LSN does). Both are CPU-bound by design (the log is written under
 * {@link SyncPolicy#NONE} just before and fits in the page cache), so they measure framing, CRC32C checking and
 * copying, not the disk; the disk's side is {@link WalAppendHarness}'s.
 *
 * <p>The log holds {@value #RECORDS} records whatever their size (1.6 MiB of 100 B payloads, 64 MiB of 4 KiB ones), so
 * a scan is one JMH invocation and, through {@code @OperationsPerInvocation}, both scores are per record.
 *
 * <p>Run: {@code ./keel bench storage}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WalReadBenchmark extends KeelBenchmark {

    static final int RECORDS = 16_384;

    @Param({"100", "4096"})
    public int payloadSize;

    private ScratchDirectory directory;
    private WriteAheadLog log;
    private long[] lsns;

    @Setup(Level.Trial)
    public void fill() throws IOException {
        directory = ScratchDirectory.create(Path.of(System.getProperty("java.io.tmpdir")), "keel-wal-read-");
        log = WriteAheadLog.open(
                directory.path(),
                WalOptions.builder().syncPolicy(SyncPolicy.NONE).build());
        lsns = new long[RECORDS];
        for (int i = 0; i < RECORDS; i++) {
            lsns[i] = log.append(RecordBytes.payload(payloadSize, i));
        }
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        try {
            log.close();
        } finally {
            directory.close();
        }
    }

    /** One scan of the whole log; the score is records per microsecond (JMH divides by {@link #RECORDS}). */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long sequentialScan(Blackhole sink) throws IOException {
        long bytes = 0;
        try (LogReader reader = log.reader()) {
            while (reader.hasNext()) {
                LogRecord record = reader.next();
                bytes += record.payload().length;
                sink.consume(record);
            }
        }
        return bytes;
    }

    /** One thread's source of random record indices, seeded so every run reads the same sequence. */
    @State(Scope.Thread)
    public static class Cursor {
        private final SplittableRandom random = new SplittableRandom(42);

        int next(int bound) {
            return random.nextInt(bound);
        }
    }

    @Benchmark
    public LogRecord randomRead(Cursor cursor) throws IOException {
        return log.read(lsns[cursor.next(lsns.length)]);
    }
}
