package dev.keel.bench.fs;

import dev.keel.bench.KeelBenchmark;
import java.io.IOException;
import java.nio.file.DirectoryStream;
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
 * Listing a directory of 100,000 empty files with {@code Files.newDirectoryStream}, counting the entries (each is
 * a {@code Path} built for the caller). keel-fs against Jimfs (Unix configuration). Scores are milliseconds per
 * listing.
 *
 * <p>Run: {@code ./keel bench fs.Listing -f 1 -wi 2 -i 3 -w 1s -r 1s}; results in
 * {@code bench/results/fs-vs-jimfs.md}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ListingBenchmark extends KeelBenchmark {

    private static final int ENTRIES = 100_000;

    @Param({"keel", "jimfs"})
    public String fs;

    private FileSystem fileSystem;
    private Path directory;

    @Setup
    public void setUp() throws IOException {
        fileSystem = Peers.create(fs);
        directory = Files.createDirectory(fileSystem.getPath("/big"));
        for (int i = 0; i < ENTRIES; i++) {
            Files.createFile(directory.resolve("entry-" + i));
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        fileSystem.close();
    }

    @Benchmark
    public int list() throws IOException {
        int count = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path ignored : entries) {
                count++;
            }
        }
        return count;
    }
}
