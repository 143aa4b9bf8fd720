package dev.keel.bench.fs;

import dev.keel.bench.KeelBenchmark;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Sequential I/O: 64 MiB through a {@code FileChannel} in 64 KiB buffers, written into a truncated file
 * ({@code write}) or read back from start to end ({@code read}). keel-fs against Jimfs (Unix configuration). Scores
 * are milliseconds per 64 MiB (64,000 / score = MiB/s).
 *
 * <p>Run: {@code ./keel bench fs.SequentialIo -f 1 -wi 2 -i 3 -w 1s -r 1s}; results in
 * {@code bench/results/fs-vs-jimfs.md}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SequentialIoBenchmark extends KeelBenchmark {

    private static final int TOTAL = 64 << 20;
    private static final int BUFFER = 64 << 10;

    @Param({"keel", "jimfs"})
    public String fs;

    private FileSystem fileSystem;
    private Path written;
    private Path toRead;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);

    @Setup
    public void setUp() throws IOException {
        fileSystem = Peers.create(fs);
        written = fileSystem.getPath("/written.bin");
        toRead = fileSystem.getPath("/read.bin");
        new java.util.SplittableRandom(1).nextBytes(buffer.array());
        try (FileChannel channel = FileChannel.open(toRead, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            for (int done = 0; done < TOTAL; done += BUFFER) {
                buffer.clear();
                channel.write(buffer);
            }
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        fileSystem.close();
    }

    @Benchmark
    public long write() throws IOException {
        try (FileChannel channel = FileChannel.open(
                written, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            for (int done = 0; done < TOTAL; done += BUFFER) {
                buffer.clear();
                channel.write(buffer);
            }
            return channel.size();
        }
    }

    @Benchmark
    public long read() throws IOException {
        long total = 0;
        try (FileChannel channel = FileChannel.open(toRead, StandardOpenOption.READ)) {
            while (true) {
                buffer.clear();
                int read = channel.read(buffer);
                if (read < 0) {
                    return total;
                }
                total += read;
            }
        }
    }
}
