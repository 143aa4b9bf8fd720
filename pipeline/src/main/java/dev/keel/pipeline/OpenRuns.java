package dev.keel.pipeline;

import java.util.List;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The runs of one pipeline that its callers hold ({@code iterator()}, {@code toStream()}), and whether the pipeline is
 * closed: closing it closes every such run still open and refuses new runs. Runs of the other terminal operations
 * begin and end inside one call and need no registry.
 *
 * <p>Thread-safe: the set is concurrent and the closed flag is set once.
 */
final class OpenRuns {

    private final Set<AutoCloseable> open = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Throws {@code CLOSED} once the pipeline is closed. */
    void ensureOpen() {
        if (closed.get()) {
            throw new PipelineException(PipelineException.Code.CLOSED, "the pipeline is closed; build a new one");
        }
    }

    /** A run pulled by the caller, registered until it is exhausted or closed. */
    <T> PipelineIterator<T> iterator(Cursor<T> run) {
        return new CursorIterator<>(run, open);
    }

    /** A sequential JDK stream over a run; closing the stream closes the run. */
    <T> Stream<T> stream(Cursor<T> run) {
        PipelineIterator<T> iterator = iterator(run);
        return StreamSupport.stream(
                        Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(iterator::close);
    }

    /** Closes every registered run (the first failure thrown, the others suppressed by it); idempotent. */
    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        RuntimeException failure = null;
        for (AutoCloseable run : List.copyOf(open)) {
            try {
                Resources.closeUnchecked(run);
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
