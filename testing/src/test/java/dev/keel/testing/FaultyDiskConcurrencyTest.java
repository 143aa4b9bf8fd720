package dev.keel.testing;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Channels of one disk used from several threads at once: every operation is atomic against the others. */
final class FaultyDiskConcurrencyTest {

    private static final int WRITERS = 4;
    private static final int READERS = 4;
    private static final int ROUNDS = 300;
    private static final int BLOCK = 1_000;

    @TempDir
    Path dir;

    @Test
    void positionalReads_duringWritesFromSeveralThreads_seeEachWriteWholeOrNotAtAll() throws Exception {
        FaultyDisk disk = FaultyDisk.create(SeededRandom.withSeed(11));
        Path file = dir.resolve("shared.log");
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        try (FileChannel channel = disk.open(file, CREATE, READ, WRITE)) {
            for (int w = 0; w < WRITERS; w++) {
                int region = w;
                threads.add(thread("writer-" + w, start, failures, () -> writeRounds(channel, region)));
            }
            SeededRandom seeds = SeededRandom.withSeed(12);
            for (int r = 0; r < READERS; r++) {
                SeededRandom random = seeds.split();
                FileChannel own = disk.open(file, READ); // readers on channels of their own, as well as the shared one
                threads.add(thread("reader-" + r, start, failures, () -> {
                    try (own) {
                        readRounds(random.nextBoolean() ? own : channel, random);
                    }
                }));
            }
            start.countDown();
            for (Thread thread : threads) {
                assertThat(thread.join(Duration.ofMinutes(1)))
                        .as("%s finished", thread.getName())
                        .isTrue();
            }
            assertThat(failures).isEmpty();

            channel.force(true);
        }
        byte[] durable = Files.readAllBytes(file);
        assertThat(durable).hasSize(WRITERS * BLOCK);
        byte[] expected = new byte[WRITERS * BLOCK];
        Arrays.fill(expected, (byte) ROUNDS);
        assertThat(durable).isEqualTo(expected);
        assertThat(disk.writes()).isEqualTo((long) WRITERS * ROUNDS);
    }

    /** Each writer owns one block and overwrites it with the round number (1..ROUNDS), forcing now and then. */
    private static void writeRounds(FileChannel channel, int region) throws IOException {
        for (int round = 1; round <= ROUNDS; round++) {
            byte[] block = new byte[BLOCK];
            Arrays.fill(block, (byte) round);
            channel.write(ByteBuffer.wrap(block), (long) region * BLOCK);
            if (round % 50 == 0) {
                channel.force(false);
            }
        }
    }

    /** A read of one block sees a single round's bytes (or zeros before the first): never a mix of two writes. */
    private static void readRounds(FileChannel channel, SeededRandom random) throws IOException {
        for (int i = 0; i < ROUNDS; i++) {
            long position = (long) random.nextInt(WRITERS) * BLOCK;
            ByteBuffer block = ByteBuffer.allocate(BLOCK);
            int read = channel.read(block, position);
            for (int at = 1; at < Math.max(read, 0); at++) {
                if (block.get(at) != block.get(0)) {
                    throw new AssertionError("block at " + position + " mixes two writes: byte 0 is " + block.get(0)
                            + ", byte " + at + " is " + block.get(at));
                }
            }
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private static Thread thread(String name, CountDownLatch start, Queue<Throwable> failures, Work work) {
        return Thread.ofPlatform().name(name).start(() -> {
            try {
                start.await();
                work.run();
            } catch (Throwable t) {
                failures.add(t);
            }
        });
    }
}
