package dev.keel.fs;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The watch service: events pushed by the operations themselves, the key's states, and closing. */
final class WatchServiceTest {

    private final FileSystem fs = KeelFs.newFileSystem(FsConfig.unix());

    @AfterEach
    void close() throws IOException {
        fs.close();
    }

    private static List<String> describe(WatchKey key) {
        return key.pollEvents().stream()
                .map(event -> event.kind().name() + " " + event.context() + " x" + event.count())
                .toList();
    }

    @Test
    void operations_postEvents_immediately_withoutPolling() throws Exception {
        Path dir = Files.createDirectory(fs.getPath("/watched"));
        try (WatchService watcher = fs.newWatchService()) {
            WatchKey key = dir.register(watcher, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY);
            assertThat(watcher.poll()).isNull();

            Files.writeString(dir.resolve("a"), "1");
            assertThat(watcher.poll())
                    .as("the key is queued by the write itself")
                    .isSameAs(key);
            assertThat(describe(key)).containsExactly("ENTRY_CREATE a x1", "ENTRY_MODIFY a x1");
            assertThat(key.reset()).isTrue();

            Files.writeString(dir.resolve("a"), "2", StandardOpenOption.APPEND);
            Files.writeString(dir.resolve("a"), "3", StandardOpenOption.APPEND);
            Files.move(dir.resolve("a"), dir.resolve("b"));
            Files.delete(dir.resolve("b"));
            assertThat(watcher.poll(0, TimeUnit.SECONDS)).isSameAs(key);
            assertThat(describe(key))
                    .containsExactly(
                            "ENTRY_MODIFY a x2", "ENTRY_DELETE a x1", "ENTRY_CREATE b x1", "ENTRY_DELETE b x1");
            assertThat(key.reset()).isTrue();
            assertThat(watcher.poll()).isNull();
        }
    }

    @Test
    void take_blocksUntilAnEvent_andCloseWakesIt() throws Exception {
        Path dir = Files.createDirectory(fs.getPath("/w"));
        WatchService watcher = fs.newWatchService();
        WatchKey key = dir.register(watcher, ENTRY_CREATE);
        CompletableFuture<WatchKey> taken = CompletableFuture.supplyAsync(() -> {
            try {
                return watcher.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        Files.createFile(dir.resolve("x"));
        assertThat(taken.get(10, TimeUnit.SECONDS)).isSameAs(key);

        CompletableFuture<Throwable> blocked = CompletableFuture.supplyAsync(() -> {
            try {
                watcher.take();
                return null;
            } catch (ClosedWatchServiceException e) {
                return e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return e;
            }
        });
        watcher.close();
        assertThat(blocked.get(10, TimeUnit.SECONDS)).isInstanceOf(ClosedWatchServiceException.class);
        assertThat(key.isValid()).isFalse();
        assertThatThrownBy(watcher::poll).isInstanceOf(ClosedWatchServiceException.class);
    }

    @Test
    void deletingTheWatchedDirectory_invalidatesTheKey() throws Exception {
        Path dir = Files.createDirectory(fs.getPath("/gone"));
        try (WatchService watcher = fs.newWatchService()) {
            WatchKey key = dir.register(watcher, ENTRY_CREATE);
            Files.delete(dir);
            assertThat(watcher.poll()).isSameAs(key);
            assertThat(key.isValid()).isFalse();
            assertThat(key.reset()).isFalse();
        }
    }

    @Test
    void register_rejectsFilesAndNoKinds_andReRegisteringGivesTheSameKey() throws Exception {
        Path dir = Files.createDirectory(fs.getPath("/r"));
        Path file = Files.createFile(fs.getPath("/f"));
        try (WatchService watcher = fs.newWatchService()) {
            assertThatThrownBy(() -> file.register(watcher, ENTRY_CREATE)).isInstanceOf(NotDirectoryException.class);
            assertThatThrownBy(() -> dir.register(watcher, new WatchEvent.Kind<?>[0]))
                    .isInstanceOf(IllegalArgumentException.class);
            WatchKey first = dir.register(watcher, ENTRY_CREATE);
            WatchKey second = dir.register(watcher, ENTRY_DELETE);
            assertThat(second).isSameAs(first);
            Files.createFile(dir.resolve("ignored"));
            assertThat(watcher.poll()).as("create is no longer watched").isNull();
            first.cancel();
            Files.delete(dir.resolve("ignored"));
            assertThat(watcher.poll()).isNull();
        }
    }

    @Test
    void manyEvents_overflowIntoOne() throws Exception {
        Path dir = Files.createDirectory(fs.getPath("/many"));
        try (WatchService watcher = fs.newWatchService()) {
            WatchKey key = dir.register(watcher, ENTRY_CREATE);
            for (int i = 0; i < KeelWatchKey.MAX_EVENTS + 10; i++) {
                Files.createFile(dir.resolve("f" + i));
            }
            assertThat(watcher.poll()).isSameAs(key);
            List<WatchEvent<?>> events = key.pollEvents();
            assertThat(events).hasSize(1);
            assertThat(events.getFirst().kind()).isEqualTo(java.nio.file.StandardWatchEventKinds.OVERFLOW);
        }
    }
}
