package dev.keel.fs;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * The entries of a directory, from a snapshot of its names taken when the stream was opened (so iteration holds no
 * lock and never sees a half-made change; entries created later are not seen, as the JDK allows). The filter runs
 * lazily, during iteration; its {@link IOException} surfaces as {@link DirectoryIteratorException}.
 *
 * <p>Not thread-safe, as the JDK's streams: one iterator, used by one thread.
 */
final class KeelDirectoryStream implements DirectoryStream<Path> {

    private final KeelPath directory;
    private final String[] names;
    private final Filter<? super Path> filter;
    private boolean iteratorTaken;
    private volatile boolean closed;

    KeelDirectoryStream(KeelPath directory, String[] names, Filter<? super Path> filter) {
        this.directory = directory;
        this.names = names;
        this.filter = filter;
    }

    @Override
    public Iterator<Path> iterator() {
        if (closed) {
            throw new IllegalStateException("Directory stream is closed");
        }
        if (iteratorTaken) {
            throw new IllegalStateException("Iterator already obtained");
        }
        iteratorTaken = true;
        return new Iterator<>() {
            private int index;
            private @Nullable Path next;

            @Override
            public boolean hasNext() {
                while (next == null && !closed && index < names.length) {
                    Path candidate = directory.resolveName(names[index++]);
                    try {
                        if (filter.accept(candidate)) {
                            next = candidate;
                        }
                    } catch (IOException e) {
                        throw new DirectoryIteratorException(e);
                    }
                }
                return next != null;
            }

            @Override
            public Path next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Path result = next;
                next = null;
                return result;
            }
        };
    }

    @Override
    public void close() {
        closed = true;
    }
}
