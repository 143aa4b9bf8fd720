package dev.keel.pipeline;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A pipeline failed: a caller's function threw, a one-shot source was run twice, a concurrent task failed or the
 * waiting thread was interrupted. The {@link #code()} says which, stably; the message says where.
 *
 * <p>When a function throws, the exception carries the operation's name and the zero-based index of the element that
 * made it fail, counted in that operation's input, and keeps the function's exception as its cause. Caller mistakes
 * at build time (a negative count, a null function) are {@link IllegalArgumentException} and
 * {@link NullPointerException}; reading a file keeps the JDK's {@link java.io.UncheckedIOException}.
 *
 * <p>Immutable.
 */
public final class PipelineException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, stable across releases. */
    public enum Code {
        /** A function given to an operation threw for one element. */
        FUNCTION_FAILED,
        /** A one-shot source ({@code from(Stream)}, {@code from(Iterator)}) was run a second time. */
        SOURCE_CONSUMED,
        /** The pipeline was closed and cannot start another run. */
        CLOSED,
        /** A task of {@code mapConcurrent} threw; the other tasks were cancelled. */
        TASK_FAILED,
        /** The thread running the pipeline was interrupted while waiting for concurrent work. */
        INTERRUPTED
    }

    private final Code code;
    private final @Nullable String operation;
    private final long index;

    PipelineException(Code code, String message, @Nullable String operation, long index, @Nullable Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.operation = operation;
        this.index = index;
    }

    PipelineException(Code code, String message) {
        this(code, message, null, -1, null);
    }

    /**
     * {@code cause} thrown by the function of {@code operation} for the element at {@code index}; a pipeline
     * exception from a nested pipeline is passed through unchanged, so the innermost position is the one reported.
     */
    static RuntimeException at(String operation, long index, RuntimeException cause) {
        if (cause instanceof PipelineException) {
            return cause;
        }
        return new PipelineException(
                Code.FUNCTION_FAILED,
                operation + " failed at element " + index + ": " + cause,
                operation,
                index,
                cause);
    }

    /**
     * {@code cause} thrown by the function of {@code operation} in a primitive pipeline, where stages keep no count;
     * the source adds the position with {@link #atSourcePosition}.
     */
    static RuntimeException inPrimitive(String operation, RuntimeException cause) {
        if (cause instanceof PipelineException) {
            return cause;
        }
        return new PipelineException(Code.FUNCTION_FAILED, operation + " failed: " + cause, operation, -1, cause);
    }

    /** This failure with the position, in the source, of the element being processed when it happened. */
    PipelineException atSourcePosition(long position) {
        if (index >= 0 || code != Code.FUNCTION_FAILED) {
            return this;
        }
        return new PipelineException(
                code,
                operation + " failed at element " + position + " of the source: " + getCause(),
                operation,
                position,
                getCause());
    }

    /** The kind of failure. */
    public Code code() {
        return code;
    }

    /** The operation whose function failed ({@code "map"}, {@code "filter"}, ...), or null when not about one. */
    public @Nullable String operation() {
        return operation;
    }

    /**
     * The zero-based index of the failing element in the operation's input (in an {@code IntPipeline} or
     * {@code LongPipeline} over a range or array: its position in the source), or -1 when not known.
     */
    public long index() {
        return index;
    }
}
