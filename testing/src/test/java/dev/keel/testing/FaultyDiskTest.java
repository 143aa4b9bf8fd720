package dev.keel.testing;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.file.StandardOpenOption.APPEND;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.DELETE_ON_CLOSE;
import static java.nio.file.StandardOpenOption.DSYNC;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.TRUNCATE_EXISTING;
import static java.nio.file.StandardOpenOption.WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model with the power on: what reads, writes, forces and truncations do to the pending and durable images. */
final class FaultyDiskTest {

    @TempDir
    Path dir;

    private final FaultyDisk disk = FaultyDisk.create(SeededRandom.withSeed(1));

    @Test
    void write_beforeForce_isReadBackButLeavesTheRealFileUnchanged() throws IOException {
        Path file = dir.resolve("a.log");
        Files.write(file, ascii("durable"));
        try (FileChannel channel = disk.open(file, READ, WRITE)) {
            channel.write(buffer("DUR"), 0);
            channel.write(buffer("+more"), 7);

            assertThat(readAll(channel)).isEqualTo("DURable+more");
            assertThat(channel.size()).isEqualTo(12);
            assertThat(Files.readString(file, US_ASCII)).isEqualTo("durable");
        }
    }

    @Test
    void force_pendingWrites_reachTheRealFileInOrder() throws IOException {
        Path file = dir.resolve("a.log");
        try (FileChannel channel = disk.open(file, CREATE, WRITE)) {
            channel.write(buffer("hello world"));
            channel.write(buffer("W"), 6);

            channel.force(true);

            assertThat(Files.readString(file, US_ASCII)).isEqualTo("hello World");
            assertThat(disk.forces()).isEqualTo(1);
        }
    }

    @Test
    void write_throughOneChannel_isVisibleThroughAnotherOfTheSamePathBeforeForce() throws IOException {
        Path file = dir.resolve("a.log");
        try (FileChannel writer = disk.open(file, CREATE, WRITE);
                FileChannel reader = disk.open(dir.resolve(".").resolve("a.log"), READ)) {
            writer.write(buffer("shared"));

            assertThat(readAll(reader)).isEqualTo("shared");
            reader.force(false); // a read-only channel forces the path's writes too
            assertThat(Files.readString(file, US_ASCII)).isEqualTo("shared");
        }
    }

    @Test
    void close_withoutForce_keepsTheWritesPendingNotDurable() throws IOException {
        Path file = dir.resolve("a.log");
        try (FileChannel channel = disk.open(file, CREATE, WRITE)) {
            channel.write(buffer("unsynced"));
        }
        assertThat(Files.size(file)).isZero();
        try (FileChannel again = disk.open(file, READ)) {
            assertThat(readAll(again)).isEqualTo("unsynced");
        }
    }

    @Test
    void write_pastTheEnd_extendsTheSizeAndReadsTheGapAsZeros() throws IOException {
        try (FileChannel channel = disk.open(dir.resolve("a.log"), CREATE, READ, WRITE)) {
            channel.write(buffer("ab"), 0);
            channel.write(buffer("z"), 4);

            assertThat(channel.size()).isEqualTo(5);
            assertThat(readAll(channel)).isEqualTo("ab\0\0z");
            assertThat(channel.read(ByteBuffer.allocate(1), 5)).isEqualTo(-1);
        }
    }

    @Test
    void relativeWriteAndRead_advanceThePosition() throws IOException {
        try (FileChannel channel = disk.open(dir.resolve("a.log"), CREATE, READ, WRITE)) {
            channel.write(buffer("abc"));
            channel.write(buffer("def"));
            assertThat(channel.position()).isEqualTo(6);

            channel.position(1);
            ByteBuffer two = ByteBuffer.allocate(2);
            assertThat(channel.read(two)).isEqualTo(2);
            assertThat(text(two)).isEqualTo("bc");
            assertThat(channel.position()).isEqualTo(3);

            channel.position(6);
            assertThat(channel.read(ByteBuffer.allocate(1))).isEqualTo(-1);
        }
    }

    @Test
    void gatheringWriteAndScatteringRead_areOneCallEach() throws IOException {
        try (FileChannel channel = disk.open(dir.resolve("a.log"), CREATE, READ, WRITE)) {
            long written = channel.write(new ByteBuffer[] {buffer("head"), buffer("-"), buffer("tail")});
            assertThat(written).isEqualTo(9);
            assertThat(disk.writes()).isEqualTo(1);

            ByteBuffer first = ByteBuffer.allocate(4);
            ByteBuffer second = ByteBuffer.allocate(10);
            channel.position(0);
            assertThat(channel.read(new ByteBuffer[] {first, second})).isEqualTo(9);
            assertThat(text(first)).isEqualTo("head");
            assertThat(text(second)).isEqualTo("-tail");
        }
    }

    @Test
    void truncate_belowPendingWrites_clipsThemAndCutsTheRealFileAtOnce() throws IOException {
        Path file = dir.resolve("a.log");
        Files.write(file, ascii("0123456789"));
        try (FileChannel channel = disk.open(file, READ, WRITE)) {
            channel.write(buffer("abcd"), 2);
            channel.write(buffer("tail"), 12);
            channel.position(11);

            channel.truncate(4);

            assertThat(Files.readString(file, US_ASCII)).isEqualTo("0123");
            assertThat(channel.size()).isEqualTo(4);
            assertThat(channel.position()).isEqualTo(4);
            assertThat(readAll(channel)).isEqualTo("01ab");
            channel.force(true);
            assertThat(Files.readString(file, US_ASCII)).isEqualTo("01ab");
        }
    }

    @Test
    void open_append_writesAtTheCurrentEnd() throws IOException {
        Path file = dir.resolve("a.log");
        Files.write(file, ascii("one"));
        try (FileChannel channel = disk.open(file, APPEND)) {
            assertThat(channel.position()).isEqualTo(3);
            channel.write(buffer("two"));
            channel.write(buffer("three"));
            channel.force(true);
        }
        assertThat(Files.readString(file, US_ASCII)).isEqualTo("onetwothree");
    }

    @Test
    void open_truncateExisting_dropsTheDurableAndThePendingBytes() throws IOException {
        Path file = dir.resolve("a.log");
        Files.write(file, ascii("durable"));
        try (FileChannel channel = disk.open(file, WRITE)) {
            channel.write(buffer("pending"), 7);
        }
        try (FileChannel channel = disk.open(file, READ, WRITE, TRUNCATE_EXISTING)) {
            assertThat(channel.size()).isZero();
            assertThat(Files.size(file)).isZero();
        }
    }

    @Test
    void open_fileDeletedAndCreatedAgain_forgetsThePendingWritesOfTheOldOne() throws IOException {
        Path file = dir.resolve("a.log");
        try (FileChannel channel = disk.open(file, CREATE_NEW, WRITE)) {
            channel.write(buffer("old file"));
        }
        Files.delete(file);
        try (FileChannel channel = disk.open(file, CREATE_NEW, READ, WRITE)) {
            assertThat(channel.size()).isZero();
            channel.force(true);
        }
        assertThat(Files.size(file)).isZero();
    }

    @Test
    void open_dsync_makesEveryWriteDurableWithoutCountingAForce() throws IOException {
        Path file = dir.resolve("a.log");
        try (FileChannel channel = disk.open(file, CREATE, WRITE, DSYNC)) {
            channel.write(buffer("synced"));
            assertThat(Files.readString(file, US_ASCII)).isEqualTo("synced");
        }
        assertThat(disk.forces()).isZero();
    }

    @Test
    void open_modes_rejectWhatTheyDoNotAllow() throws IOException {
        Path file = dir.resolve("a.log");
        Files.write(file, ascii("x"));
        try (FileChannel readOnly = disk.open(file, READ);
                FileChannel writeOnly = disk.open(file, WRITE)) {
            assertThatThrownBy(() -> readOnly.write(buffer("y"))).isInstanceOf(NonWritableChannelException.class);
            assertThatThrownBy(() -> readOnly.truncate(0)).isInstanceOf(NonWritableChannelException.class);
            assertThatThrownBy(() -> writeOnly.read(ByteBuffer.allocate(1)))
                    .isInstanceOf(NonReadableChannelException.class);
            assertThatThrownBy(() -> writeOnly.lock(0, 1, true)).isInstanceOf(NonReadableChannelException.class);
        }
    }

    @Test
    void open_unsupportedOrConflictingOptions_failsNamingThem() {
        Path file = dir.resolve("a.log");
        assertThatThrownBy(() -> disk.open(file, CREATE, WRITE, DELETE_ON_CLOSE))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("DELETE_ON_CLOSE");
        assertThatThrownBy(() -> disk.open(file, CREATE, READ, APPEND))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("READ + APPEND");
        assertThatThrownBy(() -> disk.open(file, Set.of(StandardOpenOption.READ)))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void lockAndTryLock_takeRealLocksOnTheFileReleasedWithTheChannel() throws IOException {
        Path file = dir.resolve("lock");
        FileChannel channel = disk.open(file, CREATE, WRITE);
        try (FileChannel plain = FileChannel.open(file, WRITE)) {
            try (FileLock lock = channel.lock()) {
                assertThat(lock.channel()).isSameAs(channel);
                assertThat(lock.isValid()).isTrue();
                assertThatThrownBy(plain::tryLock).isInstanceOf(OverlappingFileLockException.class);
            }
            FileLock again = channel.tryLock();
            assertThat(again).isNotNull();

            channel.close();

            assertThat(again.isValid()).isFalse();
            try (FileLock taken = plain.tryLock()) {
                assertThat(taken).isNotNull();
            }
        } finally {
            channel.close();
        }
    }

    @Test
    void map_isUnsupportedAndSaysWhy() throws IOException {
        try (FileChannel channel = disk.open(dir.resolve("a.log"), CREATE, READ, WRITE)) {
            assertThatThrownBy(() -> channel.map(FileChannel.MapMode.READ_WRITE, 0, 1))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageStartingWith("map is not supported by FaultyDisk");
        }
    }

    @Test
    void transferFromAndTransferTo_goThroughTheModel() throws IOException {
        Path file = dir.resolve("a.log");
        try (FileChannel channel = disk.open(file, CREATE, READ, WRITE)) {
            long in = channel.transferFrom(Channels.newChannel(new ByteArrayInputStream(ascii("moved"))), 0, 5);
            assertThat(in).isEqualTo(5);
            assertThat(Files.size(file)).isZero();

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long sent = channel.transferTo(1, 10, Channels.newChannel(out));
            assertThat(sent).isEqualTo(4);
            assertThat(out.toString(US_ASCII)).isEqualTo("oved");
            assertThat(disk.writes()).isEqualTo(1);
        }
    }

    @Test
    void closedChannel_throwsClosedChannelException() throws IOException {
        FileChannel channel = disk.open(dir.resolve("a.log"), CREATE, READ, WRITE);
        channel.close();
        assertThatThrownBy(() -> channel.write(buffer("x"))).isInstanceOf(ClosedChannelException.class);
        assertThatThrownBy(channel::size).isInstanceOf(ClosedChannelException.class);
        channel.close();
    }

    @Test
    void counters_countWriteCallsBytesAndForcesAcrossChannels() throws IOException {
        try (FileChannel a = disk.open(dir.resolve("a.log"), CREATE, WRITE);
                FileChannel b = disk.open(dir.resolve("b.log"), CREATE, WRITE)) {
            a.write(buffer("12345"));
            b.write(buffer("123"), 10);
            b.write(new ByteBuffer[] {buffer("1"), buffer("2")});
            a.force(true);
            b.force(false);
            b.force(false);
        }
        assertThat(disk.writes()).isEqualTo(3);
        assertThat(disk.bytesWritten()).isEqualTo(10);
        assertThat(disk.forces()).isEqualTo(3);
    }

    static byte[] ascii(String text) {
        return text.getBytes(US_ASCII);
    }

    static ByteBuffer buffer(String text) {
        return ByteBuffer.wrap(ascii(text));
    }

    static String text(ByteBuffer filled) {
        return new String(filled.array(), 0, filled.position(), US_ASCII);
    }

    /** Everything the channel shows, read positionally (its position is left alone). */
    static String readAll(FileChannel channel) throws IOException {
        ByteBuffer all = ByteBuffer.allocate(Math.toIntExact(channel.size()));
        while (all.hasRemaining()) { // a positional read may return short
            if (channel.read(all, all.position()) < 0) {
                break;
            }
        }
        return text(all);
    }
}
