package dev.keel.testing;

import static dev.keel.testing.FaultyDiskTest.ascii;
import static dev.keel.testing.FaultyDiskTest.buffer;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.testing.FaultyDisk.CrashMode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What survives a power cut, in each crash mode, and what the disk does afterwards. */
final class FaultyDiskCrashTest {

    private static final int SEEDS = 500;

    @TempDir
    Path dir;

    @Test
    void cutPower_loseUnsynced_keepsExactlyTheForcedWrites() throws IOException {
        FaultyDisk disk = FaultyDisk.create(SeededRandom.withSeed(1));
        Path a = dir.resolve("a.log");
        Path b = dir.resolve("b.log");
        try (FileChannel toA = disk.open(a, CREATE, WRITE);
                FileChannel toB = disk.open(b, CREATE, WRITE)) {
            toA.write(buffer("synced"));
            toA.force(true);
            toA.write(buffer("+lost"));
            toB.write(buffer("lost too"));

            disk.cutPower(CrashMode.LOSE_UNSYNCED);
        }
        assertThat(Files.readString(a, US_ASCII)).isEqualTo("synced");
        assertThat(Files.size(b)).isZero();
    }

    /** The recovery guarantee an append-only log relies on: the durable image, then a prefix of what followed. */
    @Test
    void cutPower_keepPrefixTorn_leavesTheDurableImagePlusAPrefixOfThePendingBytes() throws IOException {
        Set<String> outcomesSeen = new HashSet<>();
        for (long seed = 0; seed < SEEDS; seed++) {
            SeededRandom data = SeededRandom.withSeed(~seed);
            FaultyDisk disk = FaultyDisk.create(SeededRandom.withSeed(seed));
            Path file = dir.resolve("prefix-" + seed + ".log");
            ByteArrayOutputStream durable = new ByteArrayOutputStream();
            ByteArrayOutputStream pending = new ByteArrayOutputStream();
            Set<Integer> writeEnds = new HashSet<>();
            try (FileChannel channel = disk.open(file, CREATE, WRITE)) {
                appendRandomWrites(channel, data, durable, new HashSet<>());
                channel.force(true);
                appendRandomWrites(channel, data, pending, writeEnds);
                disk.cutPower(CrashMode.KEEP_PREFIX_TORN);
            }
            byte[] actual = Files.readAllBytes(file);
            byte[] old = durable.toByteArray();
            byte[] all = concat(old, pending.toByteArray());

            assertThat(actual.length).as("seed %d", seed).isBetween(old.length, all.length);
            assertThat(actual).as("seed %d", seed).isEqualTo(Arrays.copyOf(all, actual.length));
            int kept = actual.length - old.length;
            if (pending.size() > 0) {
                outcomesSeen.add(outcome(kept, pending.size(), writeEnds));
            }
        }
        assertThat(outcomesSeen)
                .contains("everything landed", "torn in the first write", "torn in a later write")
                .isSubsetOf(
                        "everything landed",
                        "torn in the first write",
                        "torn in a later write",
                        "stopped between writes");
    }

    /** Where the kept bytes stop; between writes only when the torn write kept 0 bytes, which is rare. */
    private static String outcome(int kept, int pendingBytes, Set<Integer> writeEnds) {
        if (kept == pendingBytes) {
            return "everything landed";
        }
        if (kept == 0 || writeEnds.contains(kept)) {
            return "stopped between writes";
        }
        return kept < Collections.min(writeEnds) ? "torn in the first write" : "torn in a later write";
    }

    @Test
    void cutPower_reorder_canKeepALaterWriteWithoutAnEarlierOne() throws IOException {
        List<Long> showingIt = new ArrayList<>();
        for (long seed = 0; seed < 100; seed++) {
            FaultyDisk disk = FaultyDisk.create(SeededRandom.withSeed(seed));
            Path file = dir.resolve("reorder-" + seed + ".log");
            try (FileChannel channel = disk.open(file, CREATE, WRITE)) {
                channel.write(ByteBuffer.wrap(filled('a', 100)));
                channel.write(ByteBuffer.wrap(filled('b', 100)));
                disk.cutPower(CrashMode.REORDER);
            }
            byte[] actual = Files.readAllBytes(file);
            boolean laterIntact = actual.length == 200 && Arrays.equals(actual, 100, 200, filled('b', 100), 0, 100);
            boolean earlierIntact = actual.length >= 100 && Arrays.equals(actual, 0, 100, filled('a', 100), 0, 100);
            if (laterIntact && !earlierIntact) {
                showingIt.add(seed);
            }
        }
        assertThat(showingIt)
                .as("seeds below 100 where the second write landed and the first did not")
                .isNotEmpty();
    }

    /**
     * Each write lands whole, not at all, or as a prefix (cut at a sector boundary or at any byte), never a middle
     * piece; the three fates are about equally likely, and a tear is at a sector boundary far more often than chance.
     */
    @Test
    void cutPower_reorder_landsEachWriteWholeLostOrAsAPrefix() throws IOException {
        Map<String, Integer> fates = new HashMap<>();
        int writeCount = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            SeededRandom data = SeededRandom.withSeed(~seed);
            FaultyDisk disk = FaultyDisk.create(SeededRandom.withSeed(seed));
            Path file = dir.resolve("fates-" + seed + ".log");
            List<PendingWrite> writes = new ArrayList<>();
            try (FileChannel channel = disk.open(file, CREATE, WRITE)) {
                long position = data.nextInt(0, 600);
                for (int i = 0; i < 4; i++) {
                    byte[] bytes = nonZeroBytes(data, data.nextInt(1, 1_500));
                    channel.write(ByteBuffer.wrap(bytes), position);
                    writes.add(new PendingWrite(position, bytes));
                    position += bytes.length;
                }
                disk.cutPower(CrashMode.REORDER);
            }
            byte[] actual = Files.readAllBytes(file);
            for (PendingWrite write : writes) {
                int kept = landedPrefix(actual, write);
                assertThat(kept).as("seed %d, %s", seed, write).isBetween(0, write.length());
                fates.merge(fate(write, kept), 1, Integer::sum);
                writeCount++;
            }
        }
        int third = writeCount / 3;
        assertThat(fates.get("lost")).as("lost, in %s", fates).isBetween(third * 8 / 10, third * 12 / 10);
        assertThat(fates.get("whole")).as("whole, in %s", fates).isBetween(third * 8 / 10, third * 12 / 10);
        assertThat(fates.get("torn at a sector") + fates.get("torn at a byte"))
                .as("torn, in %s", fates)
                .isBetween(third * 8 / 10, third * 12 / 10);
        assertThat(fates.get("torn at a sector"))
                .as("torn at a sector, in %s", fates)
                .isGreaterThan(third / 5);
    }

    @Test
    void cutPower_sameSeed_sameOutcome() throws IOException {
        assertThat(reorderedOutcome(42, "first.log")).isEqualTo(reorderedOutcome(42, "second.log"));
    }

    @Test
    void cutPowerAfterWrites_thirdWrite_throwsAndEveryOperationAfterThrows() throws IOException {
        FaultyDisk disk = FaultyDisk.create(SeededRandom.withSeed(3)).crashMode(CrashMode.LOSE_UNSYNCED);
        Path file = dir.resolve("a.log");
        FileChannel channel = disk.open(file, CREATE, READ, WRITE);
        FileChannel other = disk.open(dir.resolve("b.log"), CREATE, READ, WRITE);
        disk.cutPowerAfterWrites(3);
        channel.write(buffer("one"));
        channel.force(true);
        other.write(buffer("two"));
        assertThat(disk.isPowerCut()).isFalse();

        assertThatThrownBy(() -> channel.write(buffer("three")))
                .isInstanceOf(IOException.class)
                .hasMessage("power cut (simulated) during write");

        assertThat(disk.isPowerCut()).isTrue();
        assertThat(disk.writes()).isEqualTo(3);
        for (FileChannel dead : List.of(channel, other)) {
            assertPowerCut(() -> dead.write(buffer("x")));
            assertPowerCut(() -> dead.write(buffer("x"), 0));
            assertPowerCut(() -> dead.write(new ByteBuffer[] {buffer("x")}));
            assertPowerCut(() -> dead.read(ByteBuffer.allocate(1)));
            assertPowerCut(() -> dead.read(ByteBuffer.allocate(1), 0));
            assertPowerCut(() -> dead.read(new ByteBuffer[] {ByteBuffer.allocate(1)}));
            assertPowerCut(() -> dead.force(true));
            assertPowerCut(dead::size);
            assertPowerCut(() -> dead.truncate(0));
            assertPowerCut(dead::position);
            assertPowerCut(() -> dead.position(1));
            assertPowerCut(dead::lock);
            assertPowerCut(dead::tryLock);
            assertPowerCut(() -> dead.transferTo(0, 1, Channels.newChannel(new ByteArrayOutputStream())));
        }
        assertPowerCut(() -> disk.open(file, READ));
        channel.close();
        other.close();
        assertThat(Files.readString(file, US_ASCII)).isEqualTo("one");
    }

    @Test
    void cutPowerAfterWrites_countsFromWhenItIsArmed() throws IOException {
        FaultyDisk disk = FaultyDisk.create(SeededRandom.withSeed(4));
        try (FileChannel channel = disk.open(dir.resolve("a.log"), CREATE, WRITE)) {
            channel.write(buffer("before"));
            channel.write(buffer("arming"));
            disk.cutPowerAfterWrites(1);

            assertThatThrownBy(() -> channel.write(buffer("cut"))).hasMessage("power cut (simulated) during write");
            assertThat(disk.writes()).isEqualTo(3);
        }
    }

    @Test
    void cutPowerAfterBytes_writeCrossingTheLimit_isTornExactlyThere() throws IOException {
        byte[] all = ascii("durable!" + "0123456789" + "abcdefghij" + "ABCDEFGHIJ");
        int limit = 8 + 25;
        Set<Integer> lengths = new HashSet<>();
        for (long seed = 0; seed < 200; seed++) {
            FaultyDisk disk = FaultyDisk.create(SeededRandom.withSeed(seed));
            Path file = dir.resolve("bytes-" + seed + ".log");
            try (FileChannel channel = disk.open(file, CREATE, WRITE)) {
                channel.write(buffer("durable!"));
                channel.force(true);
                disk.cutPowerAfterBytes(25);
                channel.write(buffer("0123456789"));
                channel.write(buffer("abcdefghij"));
                assertThatThrownBy(() -> channel.write(buffer("ABCDEFGHIJ")))
                        .hasMessage("power cut (simulated) during write");
            }
            byte[] actual = Files.readAllBytes(file);
            assertThat(actual.length).as("seed %d", seed).isBetween(8, limit);
            assertThat(actual).as("seed %d", seed).isEqualTo(Arrays.copyOf(all, actual.length));
            lengths.add(actual.length);
        }
        assertThat(lengths)
                .as("some seed keeps every pending byte, up to the limit")
                .contains(limit);
    }

    @Test
    void cutPowerAfterBytes_writeEndingAtTheLimit_completesAndTheNextKeepsNothing() throws IOException {
        for (long seed = 0; seed < 50; seed++) {
            FaultyDisk disk = FaultyDisk.create(SeededRandom.withSeed(seed)).cutPowerAfterBytes(10);
            Path file = dir.resolve("limit-" + seed + ".log");
            try (FileChannel channel = disk.open(file, CREATE, WRITE)) {
                channel.write(buffer("0123456789"));
                assertThat(disk.isPowerCut()).isFalse();
                assertThatThrownBy(() -> channel.write(buffer("X"))).hasMessage("power cut (simulated) during write");
            }
            assertThat("0123456789").as("seed %d", seed).startsWith(Files.readString(file, US_ASCII));
        }
    }

    @Test
    void cutPower_twice_keepsTheFirstOutcome() throws IOException {
        FaultyDisk disk = FaultyDisk.create(SeededRandom.withSeed(5));
        Path file = dir.resolve("a.log");
        try (FileChannel channel = disk.open(file, CREATE, WRITE)) {
            channel.write(buffer("pending"));
            disk.cutPower(CrashMode.LOSE_UNSYNCED);
            disk.cutPower(CrashMode.KEEP_PREFIX_TORN);
        }
        assertThat(disk.isPowerCut()).isTrue();
        assertThat(Files.size(file)).isZero();
    }

    @Test
    void arming_invalidLimits_failsNamingTheValue() {
        FaultyDisk disk = FaultyDisk.create(SeededRandom.withSeed(6));
        assertThatThrownBy(() -> disk.cutPowerAfterWrites(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("writes (0) must be positive");
        assertThatThrownBy(() -> disk.cutPowerAfterBytes(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bytes (-1) must not be negative");
    }

    private byte[] reorderedOutcome(long seed, String name) throws IOException {
        SeededRandom data = SeededRandom.withSeed(7);
        FaultyDisk disk = FaultyDisk.create(SeededRandom.withSeed(seed));
        Path file = dir.resolve(name);
        try (FileChannel channel = disk.open(file, CREATE, WRITE)) {
            appendRandomWrites(channel, data, new ByteArrayOutputStream(), new HashSet<>());
            disk.cutPower(CrashMode.REORDER);
        }
        return Files.readAllBytes(file);
    }

    /** Appends 0 to 7 random writes; {@code written} collects their bytes and {@code ends} where each one ends. */
    private static void appendRandomWrites(
            FileChannel channel, SeededRandom data, ByteArrayOutputStream written, Set<Integer> ends)
            throws IOException {
        int count = data.nextInt(0, 8);
        for (int i = 0; i < count; i++) {
            byte[] bytes = data.nextBytes(data.nextInt(1, 700));
            channel.write(ByteBuffer.wrap(bytes));
            written.write(bytes);
            ends.add(written.size());
        }
    }

    /** How many leading bytes of {@code write} are in {@code file}; the rest of its range must read as zeros. */
    private static int landedPrefix(byte[] file, PendingWrite write) {
        int kept = 0;
        while (kept < write.length()
                && write.position() + kept < file.length
                && file[(int) write.position() + kept] == write.bytes()[kept]) {
            kept++;
        }
        for (long at = write.position() + kept; at < Math.min(write.end(), file.length); at++) {
            assertThat(file[(int) at])
                    .as("byte %d, after the landed prefix of %s", at, write)
                    .isZero();
        }
        return kept;
    }

    private static String fate(PendingWrite write, int kept) {
        if (kept == 0) {
            return "lost";
        }
        if (kept == write.length()) {
            return "whole";
        }
        return (write.position() + kept) % WriteFates.SECTOR == 0 ? "torn at a sector" : "torn at a byte";
    }

    private static void assertPowerCut(ThrowingCallable operation) {
        assertThatThrownBy(operation).isInstanceOf(IOException.class).hasMessage("power cut (simulated)");
    }

    private static byte[] filled(char c, int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) c);
        return bytes;
    }

    private static byte[] nonZeroBytes(SeededRandom data, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) data.nextInt(1, 256);
        }
        return bytes;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
