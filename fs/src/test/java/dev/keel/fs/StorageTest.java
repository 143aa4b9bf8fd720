package dev.keel.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Capacity, the block layout's cost for small and large files, and advisory locks between channels. */
final class StorageTest {

    @Test
    void writeBeyondCapacity_failsAsADiskFull_andChangesNothing() throws IOException {
        try (FileSystem fs = KeelFs.newFileSystem(
                FsConfig.unix().toBuilder().capacityBytes(10_000).build())) {
            FileStore store = Files.getFileStore(fs.getPath("/"));
            Path a = Files.write(fs.getPath("/a"), new byte[8_000]);
            assertThat(store.getUsableSpace()).isEqualTo(2_000);
            assertThatThrownBy(() -> Files.write(fs.getPath("/a"), new byte[4_000], StandardOpenOption.APPEND))
                    .isInstanceOf(FileSystemException.class)
                    .hasMessage("/a: No space left on device");
            assertThat(Files.size(a)).isEqualTo(8_000);
            assertThat(store.getUsableSpace()).isEqualTo(2_000);
            Files.delete(a);
            assertThat(store.getUsableSpace()).isEqualTo(10_000);
            Files.write(fs.getPath("/b"), new byte[10_000]);
            assertThat(store.getUsableSpace()).isZero();
            TreeInvariants.check(fs);
        }
    }

    @Test
    void smallFile_costsItsSize_notABlock() throws IOException {
        try (FileSystem fs = KeelFs.newFileSystem(FsConfig.unix())) {
            Files.write(fs.getPath("/small"), new byte[1024]);
            assertThat(((KeelFileSystem) fs).tree().space().used()).isEqualTo(1024);
        }
    }

    @Test
    void largeFile_isStoredInFullBlocks_andReadsBackExactly() throws IOException {
        try (FileSystem fs = KeelFs.newFileSystem(FsConfig.unix())) {
            byte[] data = new byte[3 * RegularFile.BLOCK_SIZE + 123];
            new java.util.SplittableRandom(7).nextBytes(data);
            Path big = fs.getPath("/big");
            try (FileChannel channel = FileChannel.open(big, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                for (int offset = 0; offset < data.length; offset += 1000) {
                    channel.write(ByteBuffer.wrap(data, offset, Math.min(1000, data.length - offset)));
                }
            }
            assertThat(Files.readAllBytes(big)).isEqualTo(data);
            long used = ((KeelFileSystem) fs).tree().space().used();
            assertThat(used).isBetween((long) data.length, (long) data.length + RegularFile.BLOCK_SIZE / 2);
            try (FileChannel channel = FileChannel.open(big, StandardOpenOption.WRITE)) {
                channel.truncate(RegularFile.BLOCK_SIZE + 10);
            }
            assertThat(Files.readAllBytes(big)).isEqualTo(java.util.Arrays.copyOf(data, RegularFile.BLOCK_SIZE + 10));
            TreeInvariants.check(fs);
        }
    }

    @Test
    void recycledBlocks_readAsZeros_inTheGapsOfTheNextFile() throws IOException {
        try (FileSystem fs = KeelFs.newFileSystem(FsConfig.unix())) {
            byte[] ones = new byte[2 * RegularFile.BLOCK_SIZE];
            java.util.Arrays.fill(ones, (byte) 0xFF);
            Path old = Files.write(fs.getPath("/old"), ones);
            Files.delete(old);
            Path sparse = fs.getPath("/sparse");
            try (FileChannel channel = FileChannel.open(sparse, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(new byte[] {7}), RegularFile.BLOCK_SIZE + 5L);
            }
            byte[] expected = new byte[RegularFile.BLOCK_SIZE + 6];
            expected[RegularFile.BLOCK_SIZE + 5] = 7;
            assertThat(Files.readAllBytes(sparse)).isEqualTo(expected);
            TreeInvariants.check(fs);
        }
    }

    @Test
    void deletedFile_staysReadableThroughAnOpenChannel_untilClosed() throws IOException {
        try (FileSystem fs = KeelFs.newFileSystem(FsConfig.unix())) {
            Path file = Files.writeString(fs.getPath("/f"), "still here");
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            Files.delete(file);
            ByteBuffer buffer = ByteBuffer.allocate(20);
            channel.read(buffer);
            assertThat(new String(buffer.array(), 0, buffer.position(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo("still here");
            channel.close();
            assertThat(((KeelFileSystem) fs).tree().space().used()).isZero();
        }
    }

    @Test
    void exclusiveLock_excludesOtherChannels_untilReleased() throws Exception {
        try (FileSystem fs = KeelFs.newFileSystem(FsConfig.unix());
                FileChannel first =
                        FileChannel.open(fs.getPath("/lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileChannel second = FileChannel.open(fs.getPath("/lock"), StandardOpenOption.WRITE)) {
            FileLock held = first.lock();
            assertThat(second.tryLock()).isNull();
            assertThatThrownBy(() -> first.tryLock(0, 10, false)).isInstanceOf(OverlappingFileLockException.class);
            CompletableFuture<FileLock> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return second.lock();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertThat(waiting).isNotDone();
            held.release();
            FileLock acquired = waiting.get(10, TimeUnit.SECONDS);
            assertThat(acquired.isValid()).isTrue();
            assertThat(held.isValid()).isFalse();
            second.close();
            assertThat(acquired.isValid()).isFalse();
            assertThat(first.tryLock()).isNotNull();
        }
    }

    @Test
    void sharedLocks_coexist_butExcludeAnExclusiveOne() throws IOException {
        try (FileSystem fs = KeelFs.newFileSystem(FsConfig.unix())) {
            Path path = Files.createFile(fs.getPath("/shared"));
            try (FileChannel a = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
                    FileChannel b = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                assertThat(a.tryLock(0, 100, true)).isNotNull();
                assertThat(b.tryLock(50, 100, true)).isNotNull();
                assertThat(b.tryLock(200, 10, false))
                        .as("a region nobody holds")
                        .isNotNull();
                assertThat(b.tryLock(0, 10, false))
                        .as("overlaps a's shared lock")
                        .isNull();
            }
        }
    }

    @Test
    void channels_rejectBadArguments_withTheJdkExceptions() throws IOException {
        try (FileSystem fs = KeelFs.newFileSystem(FsConfig.unix())) {
            Path path = Files.createFile(fs.getPath("/c"));
            try (FileChannel read = FileChannel.open(path, StandardOpenOption.READ)) {
                assertThatThrownBy(() -> read.write(ByteBuffer.allocate(1)))
                        .isInstanceOf(java.nio.channels.NonWritableChannelException.class);
                assertThatThrownBy(() -> read.position(-1))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("newPosition (-1) must not be negative");
                assertThatThrownBy(() -> read.lock()).isInstanceOf(java.nio.channels.NonWritableChannelException.class);
                assertThatThrownBy(() -> read.map(FileChannel.MapMode.READ_ONLY, 0, 1))
                        .isInstanceOf(UnsupportedOperationException.class);
                read.close();
                assertThatThrownBy(() -> read.size()).isInstanceOf(java.nio.channels.ClosedChannelException.class);
            }
        }
    }
}
