package dev.keel.bench.fs;

import dev.keel.bench.KeelBenchmark;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
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
 * Deep path lookups: {@code Files.exists} and {@code Files.readAttributes} on a file 16 names deep whose path goes
 * through a symbolic link at depth 8 (so resolution follows a link and restarts from its target), with the path
 * string built afresh by concatenation and parsed each time, as code that builds paths does (so neither file system
 * sees the same {@code String} instance, with its hash cached, twice). Each directory on the way has ten other
 * entries. keel-fs against Jimfs (Unix configuration). Scores are lookups per microsecond.
 *
 * <p>Run: {@code ./keel bench fs.DeepLookup -f 1 -wi 2 -i 3 -w 1s -r 1s}; results in
 * {@code bench/results/fs-vs-jimfs.md}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DeepLookupBenchmark extends KeelBenchmark {

    @Param({"keel", "jimfs"})
    public String fs;

    private FileSystem fileSystem;
    private String deepDirectory;
    private String fileName;

    @Setup
    public void setUp() throws IOException {
        fileSystem = Peers.create(fs);
        StringBuilder real = new StringBuilder();
        StringBuilder viaLink = new StringBuilder();
        for (int depth = 0; depth < 15; depth++) {
            real.append("/level").append(depth);
            viaLink.append(depth == 8 ? "/link8" : "/level" + depth);
            Path directory = Files.createDirectories(fileSystem.getPath(real.toString()));
            for (int sibling = 0; sibling < 10; sibling++) {
                Files.createDirectory(directory.resolve("sibling" + sibling));
            }
            if (depth == 7) {
                Files.createSymbolicLink(directory.resolve("link8"), fileSystem.getPath("level8"));
            }
        }
        Files.writeString(fileSystem.getPath(real + "/file.txt"), "deep");
        deepDirectory = viaLink.toString();
        fileName = "/file.txt";
        if (!Files.isRegularFile(fileSystem.getPath(deepDirectory + fileName))) {
            throw new IllegalStateException(deepDirectory + fileName + " does not resolve in " + fs);
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        fileSystem.close();
    }

    @Benchmark
    public boolean exists() {
        return Files.exists(fileSystem.getPath(deepDirectory + fileName));
    }

    @Benchmark
    public BasicFileAttributes readAttributes() throws IOException {
        return Files.readAttributes(fileSystem.getPath(deepDirectory + fileName), BasicFileAttributes.class);
    }
}
