package dev.keel.pipeline;

import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** A run pulled one element at a time from the outside; closes itself at the end. */
final class CursorIterator<T> implements PipelineIterator<T>, Consumer<T> {

    private final Cursor<T> cursor;
    private final Set<AutoCloseable> openRuns;
    private @Nullable T next;
    private boolean ready;
    private boolean closed;

    CursorIterator(Cursor<T> cursor, Set<AutoCloseable> openRuns) {
        this.cursor = cursor;
        this.openRuns = openRuns;
        openRuns.add(this);
    }

    @Override
    public void accept(T element) {
        next = element;
    }

    @Override
    public boolean hasNext() {
        if (ready) {
            return true;
        }
        if (closed) {
            return false;
        }
        boolean more;
        try {
            more = cursor.tryAdvance(this);
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
        if (!more) {
            close();
            return false;
        }
        ready = true;
        return true;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the pipeline has no more elements");
        }
        ready = false;
        T element = next;
        next = null;
        if (element == null) {
            throw new IllegalStateException("a stage delivered no element");
        }
        return element;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        ready = false;
        next = null;
        openRuns.remove(this);
        cursor.close();
    }
}
