package dev.keel.pipeline;

import java.util.Iterator;

/**
 * An iterator over one run of a pipeline that holds the run's resources until it is exhausted or closed. Use it in
 * try-with-resources when it may be abandoned early. Not thread-safe.
 */
public interface PipelineIterator<T> extends Iterator<T>, AutoCloseable {

    /** Ends the run and releases its resources; idempotent. */
    @Override
    void close();
}
