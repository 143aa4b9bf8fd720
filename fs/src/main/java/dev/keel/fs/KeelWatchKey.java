package dev.keel.fs;

import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A directory registered with a {@link KeelWatchService}: the events posted to it since it was last polled.
 *
 * <p>Events are pushed by the operation that causes them, at the moment it happens (the file tree calls
 * {@link #post} while it holds its write lock; a channel calls it after a write), so nothing polls. The key follows
 * the JDK's state machine: ready, then signalled (queued at its service) by its first event, and ready again only
 * when {@link #reset()} finds no pending events. A repeated event for the same name is counted, not queued again, and
 * past {@value #MAX_EVENTS} pending events the key keeps a single {@code OVERFLOW}, as the JDK's keys do.
 *
 * <p>Thread-safe: the pending events and the state are guarded by this key's monitor.
 */
final class KeelWatchKey implements WatchKey {

    static final int MAX_EVENTS = 512;

    private final KeelWatchService service;
    private final KeelPath watchable;
    private final Directory directory;
    private volatile Set<WatchEvent.Kind<?>> kinds;
    private volatile boolean valid = true;

    /** Guarded by this. */
    private final List<Event> pending = new ArrayList<>();
    /** Guarded by this. */
    private boolean signalled;

    KeelWatchKey(KeelWatchService service, KeelPath watchable, Directory directory, Set<WatchEvent.Kind<?>> kinds) {
        this.service = service;
        this.watchable = watchable;
        this.directory = directory;
        this.kinds = kinds;
    }

    /** An event: what happened, how many times in a row, to which name. Immutable. */
    record Event(
            WatchEvent.Kind<Path> kind, int count, @Nullable Path context) implements WatchEvent<Path> {}

    /** {@code OVERFLOW} is declared as a {@code Kind<Object>}; its events have no context, so any type fits. */
    @SuppressWarnings("unchecked")
    private static final WatchEvent.Kind<Path> OVERFLOW =
            (WatchEvent.Kind<Path>) (WatchEvent.Kind<?>) StandardWatchEventKinds.OVERFLOW;

    Directory directory() {
        return directory;
    }

    void kinds(Set<WatchEvent.Kind<?>> newKinds) {
        kinds = newKinds;
    }

    void post(WatchEvent.Kind<Path> kind, String name) {
        if (!valid || !kinds.contains(kind)) {
            return;
        }
        Path context = KeelPath.parse(watchable.getFileSystem(), name);
        synchronized (this) {
            if (!pending.isEmpty()) {
                Event last = pending.getLast();
                if (last.kind() == OVERFLOW) {
                    return;
                }
                if (last.kind() == kind && context.equals(last.context())) {
                    pending.set(pending.size() - 1, new Event(kind, last.count() + 1, context));
                    return;
                }
            }
            if (pending.size() >= MAX_EVENTS) {
                pending.clear();
                pending.add(new Event(OVERFLOW, 1, null));
            } else {
                pending.add(new Event(kind, 1, context));
            }
            signal();
        }
    }

    /** The watched directory was deleted: the key becomes invalid and is queued once more, so a taker notices. */
    void directoryDeleted() {
        valid = false;
        synchronized (this) {
            signal();
        }
    }

    private void signal() {
        if (!signalled) {
            signalled = true;
            service.enqueue(this);
        }
    }

    @Override
    public boolean isValid() {
        return valid && service.isOpen();
    }

    @Override
    public synchronized List<WatchEvent<?>> pollEvents() {
        List<WatchEvent<?>> events = List.copyOf(pending);
        pending.clear();
        return events;
    }

    @Override
    public synchronized boolean reset() {
        if (!isValid()) {
            return false;
        }
        if (signalled) {
            if (pending.isEmpty()) {
                signalled = false;
            } else {
                service.enqueue(this);
            }
        }
        return true;
    }

    @Override
    public void cancel() {
        if (valid) {
            valid = false;
            service.cancelled(this);
        }
    }

    @Override
    public KeelPath watchable() {
        return watchable;
    }

    @Override
    public String toString() {
        return "WatchKey[" + watchable + (valid ? "" : ", cancelled") + "]";
    }
}
