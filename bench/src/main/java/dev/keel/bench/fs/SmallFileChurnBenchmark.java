package dev.keel.bench.fs;

import dev.keel.bench.KeelBenchmark;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Small-file churn: 10,000 files of 1 KiB over 100 directories; each operation replaces one of them, in turn: delete
 * it, create and write 1 KiB ({@code Files.write}), read it back ({@code Files.readAllBytes}). keel-fs against Jimfs
 * (Unix configuration) in the same run. Scores are files churned per millisecond.
 *
 * <p>Run: {@code ./keel bench fs.SmallFileChurn -f 1 -wi 2 -i 3 -w 1s -r 1s}; results in
 * {@code bench/results/fs-vs-jimfs.md}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SmallFileChurnBenchmark extends KeelBenchmark {

    private static final int FILES = 10_000;
    private static final int DIRECTORIES = 100;

    @Param({"keel", "jimfs"})
    public String fs;

    private FileSystem fileSystem;
    private Path[] files;
    private final byte[] content = new byte[1024];
    private int next;

    @Setup
    public void setUp() throws IOException {
        fileSystem = Peers.create(fs);
        files = new Path[FILES];
        for (int d = 0; d < DIRECTORIES; d++) {
            Files.createDirectories(fileSystem.getPath("/churn/d" + d));
        }
        for (int i = 0; i < FILES; i++) {
            files[i] = fileSystem.getPath("/churn/d" + (i % DIRECTORIES) + "/file" + i + ".bin");
            Files.write(files[i], content);
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        fileSystem.close();
    }

    @Benchmark
    public byte[] churn() throws IOException {
        Path file = files[next];
        next = next + 1 == FILES ? 0 : next + 1;
        Files.delete(file);
        Files.write(file, content);
        return Files.readAllBytes(file);
    }
}
