package dev.keel.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchService;
import java.nio.file.attribute.DosFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every entry point refuses nonsense with the JDK's exception type and a message naming the value; state is unchanged. */
final class BadInputTest {

    private final FileSystem fs = KeelFs.newFileSystem(FsConfig.unix());

    @AfterEach
    void close() throws IOException {
        fs.close();
    }

    @Test
    void unsupportedOptions_areRefused_andNothingIsCreated() {
        Path path = fs.getPath("/f");
        OpenOption odd = new OpenOption() {
            @Override
            public String toString() {
                return "ODD";
            }
        };
        assertThatThrownBy(() -> Files.newByteChannel(path, Set.of(StandardOpenOption.CREATE, odd)))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("Unsupported open option: ODD");
        assertThat(Files.exists(path)).isFalse();
        assertThatThrownBy(() -> Files.copy(fs.getPath("/"), fs.getPath("/x"), StandardCopyOption.ATOMIC_MOVE))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("Unsupported copy option: ATOMIC_MOVE");
    }

    @Test
    void attributes_unknownViewsNamesTypesAndValues() throws IOException {
        Path path = Files.createFile(fs.getPath("/f"));
        assertThatThrownBy(() -> Files.readAttributes(path, DosFileAttributes.class))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("DosFileAttributes");
        assertThatThrownBy(() -> Files.setAttribute(path, "lastModifiedTime", "yesterday"))
                .isInstanceOf(ClassCastException.class);
        assertThatThrownBy(() -> Files.setAttribute(path, "size", 3L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'size' cannot be set");
        assertThatThrownBy(() -> Files.setAttribute(path, "dos:hidden", true))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("View 'dos' not available");
        assertThatThrownBy(() -> Files.setAttribute(path, "posix:permissions", Set.of("rwx")))
                .isInstanceOf(ClassCastException.class)
                .hasMessageContaining("permission (rwx) is not a PosixFilePermission");
        assertThat(Files.getLastModifiedTime(path)).isNotEqualTo(FileTime.fromMillis(0));
        assertThat(Files.getFileAttributeView(path, java.nio.file.attribute.DosFileAttributeView.class))
                .isNull();
    }

    @Test
    void channels_refuseNegativeArguments() throws IOException {
        try (FileChannel channel = FileChannel.open(
                fs.getPath("/f"), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            assertThatThrownBy(() -> channel.read(ByteBuffer.allocate(1), -1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("position (-1) must not be negative");
            assertThatThrownBy(() -> channel.write(ByteBuffer.allocate(1), -5))
                    .hasMessage("position (-5) must not be negative");
            assertThatThrownBy(() -> channel.truncate(-1)).hasMessage("size (-1) must not be negative");
            assertThatThrownBy(() -> channel.transferTo(0, -1, channel))
                    .hasMessage("position (0) and count (-1) must not be negative");
            assertThatThrownBy(() -> channel.lock(-1, 10, false))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("lock region: position -1, size 10");
            assertThat(channel.size()).isZero();
        }
    }

    @Test
    void watchRegistration_refusesModifiersAndUnknownKinds() throws IOException {
        Path dir = Files.createDirectory(fs.getPath("/d"));
        WatchEvent.Kind<Path> odd = new WatchEvent.Kind<>() {
            @Override
            public String name() {
                return "ODD";
            }

            @Override
            public Class<Path> type() {
                return Path.class;
            }
        };
        try (WatchService watcher = fs.newWatchService()) {
            assertThatThrownBy(() -> dir.register(watcher, odd))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessage("event kind ODD is not supported");
            assertThatThrownBy(() -> dir.register(
                            watcher,
                            new WatchEvent.Kind<?>[] {StandardWatchEventKinds.ENTRY_CREATE},
                            () -> "SENSITIVITY"))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> dir.register(
                            java.nio.file.FileSystems.getDefault().newWatchService(),
                            StandardWatchEventKinds.ENTRY_CREATE))
                    .isInstanceOf(java.nio.file.ProviderMismatchException.class);
        }
    }

    @Test
    void uris_ofAnotherSchemeOrUnknownFileSystem() {
        KeelFileSystemProvider provider = (KeelFileSystemProvider) fs.provider();
        assertThatThrownBy(() -> provider.getPath(URI.create("file:///tmp")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("uri (file:///tmp) must have scheme keelfs");
        assertThatThrownBy(() -> provider.getPath(URI.create("keelfs://no-such-fs/a")))
                .isInstanceOf(java.nio.file.FileSystemNotFoundException.class)
                .hasMessage("no open keelfs file system is named no-such-fs");
    }

    @Test
    void pathArguments_outOfRange() {
        Path path = fs.getPath("/a/b");
        assertThatThrownBy(() -> path.getName(2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("index (2) must be in [0, 2)");
        assertThatThrownBy(() -> path.subpath(1, 1))
                .hasMessage("subpath [1, 1) of /a/b (expected: 0 <= begin < end <= 2)");
        assertThatThrownBy(() -> path.relativize(fs.getPath("c")))
                .hasMessageContaining("one is absolute and the other is not");
    }
}
