package dev.keel.fs;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A watch service driven by the file system's own operations: a key is queued here the moment its directory changes
 * (see {@link KeelWatchKey}), and {@link #take()} blocks on a queue until then. No thread, no polling, no delay: the
 * default provider on Linux relies on inotify for the same effect, and Jimfs polls every five seconds.
 *
 * <p>Thread-safe: the ready keys are a {@link LinkedBlockingQueue}; registrations are guarded by this service's
 * monitor and made under the tree's write lock, so an operation cannot post to a half-registered key.
 */
final class KeelWatchService implements WatchService {

    /** Queued by {@link #close()} to wake every taker; never handed out. */
    private static final WatchKey CLOSED = new WatchKey() {
        @Override
        public boolean isValid() {
            return false;
        }

        @Override
        public List<WatchEvent<?>> pollEvents() {
            return List.of();
        }

        @Override
        public boolean reset() {
            return false;
        }

        @Override
        public void cancel() {}

        @Override
        public java.nio.file.Watchable watchable() {
            throw new UnsupportedOperationException("the closing marker watches nothing");
        }
    };

    private final KeelFileSystem fs;
    private final LinkedBlockingQueue<WatchKey> ready = new LinkedBlockingQueue<>();
    private volatile boolean open = true;

    /** Guarded by this. */
    private final Map<Directory, KeelWatchKey> keys = new HashMap<>();

    KeelWatchService(KeelFileSystem fs) {
        this.fs = fs;
    }

    KeelFileSystem fileSystem() {
        return fs;
    }

    boolean isOpen() {
        return open;
    }

    KeelWatchKey register(KeelPath path, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers)
            throws IOException {
        checkOpen();
        if (modifiers.length > 0) {
            throw new UnsupportedOperationException("watch modifiers are not supported: " + List.of(modifiers));
        }
        Set<WatchEvent.Kind<?>> kinds = new HashSet<>();
        for (WatchEvent.Kind<?> kind : events) {
            Objects.requireNonNull(kind, "event kind");
            if (kind != StandardWatchEventKinds.ENTRY_CREATE
                    && kind != StandardWatchEventKinds.ENTRY_DELETE
                    && kind != StandardWatchEventKinds.ENTRY_MODIFY
                    && kind != StandardWatchEventKinds.OVERFLOW) {
                throw new UnsupportedOperationException("event kind " + kind.name() + " is not supported");
            }
            kinds.add(kind);
        }
        if (kinds.isEmpty() || (kinds.size() == 1 && kinds.contains(StandardWatchEventKinds.OVERFLOW))) {
            throw new IllegalArgumentException("No events to register");
        }
        FileTree tree = fs.tree();
        tree.lock().writeLock().lock();
        try {
            Node node = tree.resolver().resolve(path, true).node();
            if (node == null) {
                throw new NoSuchFileException(path.toString());
            }
            if (!(node instanceof Directory directory)) {
                throw new NotDirectoryException(path.toString());
            }
            synchronized (this) {
                checkOpen();
                KeelWatchKey key = keys.get(directory);
                if (key != null && key.isValid()) {
                    key.kinds(kinds);
                    return key;
                }
                key = new KeelWatchKey(this, path, directory, kinds);
                keys.put(directory, key);
                directory.addWatchKey(key);
                return key;
            }
        } finally {
            tree.lock().writeLock().unlock();
        }
    }

    void enqueue(KeelWatchKey key) {
        ready.add(key);
    }

    synchronized void cancelled(KeelWatchKey key) {
        keys.remove(key.directory(), key);
        key.directory().removeWatchKey(key);
    }

    @Override
    public @Nullable WatchKey poll() {
        checkOpen();
        return checkKey(ready.poll());
    }

    @Override
    public @Nullable WatchKey poll(long timeout, TimeUnit unit) throws InterruptedException {
        checkOpen();
        return checkKey(ready.poll(timeout, unit));
    }

    @Override
    public WatchKey take() throws InterruptedException {
        checkOpen();
        WatchKey key = checkKey(ready.take());
        return Objects.requireNonNull(key);
    }

    private @Nullable WatchKey checkKey(@Nullable WatchKey key) {
        if (key == CLOSED) {
            ready.add(CLOSED);
            throw new ClosedWatchServiceException();
        }
        return key;
    }

    @Override
    public void close() {
        List<KeelWatchKey> toCancel;
        synchronized (this) {
            if (!open) {
                return;
            }
            open = false;
            toCancel = List.copyOf(keys.values());
        }
        for (KeelWatchKey key : toCancel) {
            key.cancel();
        }
        ready.add(CLOSED);
        fs.watchServiceClosed(this);
    }

    private void checkOpen() {
        if (!open) {
            throw new ClosedWatchServiceException();
        }
    }
}
