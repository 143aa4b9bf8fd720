package dev.keel.fs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.ChildJvm;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code kill -9} of a process that saves images in a loop: whenever it dies, the image on disk loads, whole,
 * at a generation no older than the last one the process acknowledged as saved, and opening it leaves no temporary
 * file of the interrupted save behind.
 */
final class FsImageKillNineTest {

    @TempDir
    Path tempDir;

    /** The child: grows a file system and saves it after every change, printing each generation once it is saved. */
    public static final class SaveForever {
        public static void main(String[] args) throws IOException {
            Path image = Path.of(args[0]);
            try (FileSystem fs = KeelFs.newFileSystem(FsConfig.unix())) {
                byte[] payload = new byte[256 * 1024];
                for (int generation = 1; ; generation++) {
                    Files.createDirectories(fs.getPath("/data"));
                    Files.write(fs.getPath("/data/file" + (generation % 20)), payload);
                    Files.writeString(fs.getPath("/generation"), Integer.toString(generation));
                    FsImage.save(fs, image);
                    System.out.println("saved " + generation);
                    System.out.flush();
                }
            }
        }
    }

    @Test
    void killDuringSaves_leavesAnImageThatLoads_atOrAfterTheLastAcknowledged() throws Exception {
        Path image = tempDir.resolve("fs.img");
        for (int round = 0; round < 2; round++) {
            try (ChildJvm child = ChildJvm.start(SaveForever.class, image.toString())) {
                for (int i = 0; i < 5 + round * 7; i++) {
                    child.awaitLine(Duration.ofSeconds(60));
                }
                child.kill9();
                List<String> acknowledged = child.stdoutLines();
                int last = Integer.parseInt(acknowledged.getLast().substring("saved ".length()));
                try (FileSystem loaded = FsImage.open(image, FsConfig.unix())) {
                    try (Stream<Path> files = Files.list(tempDir)) {
                        assertThat(files.map(Path::getFileName).map(Path::toString))
                                .as("files beside the image after open, round %s", round)
                                .containsExactly("fs.img");
                    }
                    int generation = Integer.parseInt(Files.readString(loaded.getPath("/generation")));
                    assertThat(generation)
                            .as("generation on disk, round %s", round)
                            .isGreaterThanOrEqualTo(last);
                    TreeInvariants.check(loaded);
                }
            }
        }
    }
}
