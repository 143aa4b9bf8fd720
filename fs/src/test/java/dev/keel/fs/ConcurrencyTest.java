package dev.keel.fs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Many threads changing overlapping directories at once: the tree stays consistent ({@link TreeInvariants}), nothing
 * deadlocks (every thread is joined with a bound), and content written concurrently is never torn.
 */
@ExtendWith(SeedExtension.class)
final class ConcurrencyTest {

    private static final int THREADS = 6;
    private static final int OPERATIONS = 3_000;
    private static final List<String> DIRECTORIES = List.of("/d0", "/d1", "/d0/s", "/d1/s", "/d2");

    @Test
    void createRenameDelete_inOverlappingDirectories_keepTheTreeConsistent(SeededRandom random) throws Exception {
        try (FileSystem fs = KeelFs.newFileSystem(FsConfig.unix())) {
            for (String directory : DIRECTORIES) {
                Files.createDirectories(fs.getPath(directory));
            }
            AtomicInteger succeeded = new AtomicInteger();
            CyclicBarrier start = new CyclicBarrier(THREADS + 2);
            List<Future<?>> workers = new ArrayList<>();
            try (ExecutorService executor = Executors.newFixedThreadPool(THREADS + 1)) {
                for (int t = 0; t < THREADS; t++) {
                    SeededRandom own = random.split();
                    workers.add(executor.submit(() -> {
                        start.await();
                        for (int i = 0; i < OPERATIONS; i++) {
                            if (mutate(fs, own)) {
                                succeeded.incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
                Future<?> walker = executor.submit(() -> {
                    start.await();
                    for (int i = 0; i < 200; i++) {
                        try (Stream<Path> walk = Files.walk(fs.getPath("/"))) {
                            walk.count();
                        } catch (UncheckedIOException e) {
                            // A directory the walk saw was moved, deleted or replaced by a file before it was
                            // listed: the same race on a disk gives the same exceptions.
                            if (!(e.getCause() instanceof NoSuchFileException)
                                    && !(e.getCause() instanceof java.nio.file.NotDirectoryException)) {
                                throw e;
                            }
                        }
                    }
                    return null;
                });
                try {
                    start.await(10, TimeUnit.SECONDS);
                    for (Future<?> worker : workers) {
                        worker.get(60, TimeUnit.SECONDS);
                    }
                    walker.get(60, TimeUnit.SECONDS);
                } finally {
                    executor.shutdownNow();
                }
            }
            TreeInvariants.check(fs);
            // Moving the shared directories around makes most later operations miss; some must still land.
            assertThat(succeeded.get()).as("operations that succeeded").isGreaterThan(THREADS * OPERATIONS / 50);
        }
    }

    /** One random change; true if it succeeded, false for the expected refusals of a racing tree. */
    private static boolean mutate(FileSystem fs, SeededRandom random) throws IOException {
        Path a = fs.getPath(random.pick(DIRECTORIES), "n" + random.nextInt(8));
        Path b = fs.getPath(random.pick(DIRECTORIES), "n" + random.nextInt(8));
        try {
            switch (random.nextInt(7)) {
                case 0 -> Files.createDirectory(a);
                case 1 -> Files.writeString(a, "x".repeat(random.nextInt(100)));
                case 2 -> Files.move(a, b, StandardCopyOption.REPLACE_EXISTING);
                case 3 -> Files.move(fs.getPath(random.pick(DIRECTORIES)), b);
                case 4 -> Files.delete(a);
                case 5 -> Files.createLink(a, b);
                default -> Files.copy(a, b);
            }
            return true;
        } catch (NoSuchFileException | FileAlreadyExistsException | DirectoryNotEmptyException e) {
            return false;
        } catch (FileSystemException e) {
            // Not a directory, is a directory, invalid argument (a directory into itself), not permitted (link a
            // directory): all refusals a racing tree produces; anything else is a bug.
            assertThat(e.getReason())
                    .isIn(Errno.NOT_A_DIRECTORY, Errno.IS_A_DIRECTORY, Errno.INVALID_ARGUMENT, Errno.NOT_PERMITTED);
            return false;
        }
    }

    @Test
    void appends_fromManyChannels_areNeverTorn() throws Exception {
        int threads = 4;
        int records = 2_000;
        try (FileSystem fs = KeelFs.newFileSystem(FsConfig.unix())) {
            Path log = fs.getPath("/log");
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<?>> writers = new ArrayList<>();
            try (ExecutorService executor = Executors.newFixedThreadPool(threads)) {
                for (int t = 0; t < threads; t++) {
                    byte letter = (byte) ('a' + t);
                    writers.add(executor.submit(() -> {
                        try (FileChannel channel =
                                FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                            start.await();
                            byte[] record = new byte[100];
                            java.util.Arrays.fill(record, letter);
                            record[99] = '\n';
                            for (int i = 0; i < records; i++) {
                                channel.write(ByteBuffer.wrap(record));
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> writer : writers) {
                    writer.get(60, TimeUnit.SECONDS);
                }
            }
            List<String> lines = Files.readAllLines(log);
            assertThat(lines).hasSize(threads * records);
            for (String line : lines) {
                if (line.length() != 99 || !line.chars().allMatch(c -> c == line.charAt(0))) {
                    throw new AssertionError("torn record: " + line);
                }
            }
            TreeInvariants.check(fs);
        }
    }

    @Test
    void readersAndWriters_ofOneFile_seeWholeWrites() throws Exception {
        try (FileSystem fs = KeelFs.newFileSystem(FsConfig.unix())) {
            Path file = Files.write(fs.getPath("/f"), new byte[200_000]);
            CyclicBarrier start = new CyclicBarrier(2);
            try (ExecutorService executor = Executors.newFixedThreadPool(2)) {
                Future<?> writer = executor.submit(() -> {
                    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                        start.await();
                        for (int i = 1; i <= 200; i++) {
                            byte[] fill = new byte[200_000];
                            java.util.Arrays.fill(fill, (byte) i);
                            channel.write(ByteBuffer.wrap(fill), 0);
                        }
                    }
                    return null;
                });
                Future<?> reader = executor.submit(() -> {
                    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                        start.await();
                        ByteBuffer buffer = ByteBuffer.allocate(200_000);
                        for (int i = 0; i < 200; i++) {
                            buffer.clear();
                            channel.read(buffer, 0);
                            byte[] expected = new byte[buffer.limit()];
                            java.util.Arrays.fill(expected, buffer.get(0));
                            assertThat(java.util.Arrays.equals(
                                            buffer.array(), 0, buffer.limit(), expected, 0, expected.length))
                                    .as("a read saw a torn write")
                                    .isTrue();
                        }
                    }
                    return null;
                });
                writer.get(60, TimeUnit.SECONDS);
                reader.get(60, TimeUnit.SECONDS);
            }
        }
    }
}
