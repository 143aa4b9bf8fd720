package dev.keel.logs;

import java.io.Serial;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A failure of the log aggregator, with a stable {@link Code}. Entries rejected at ingestion are not exceptions (they
 * are {@link IngestResult.Rejection}s); this is for bad queries, a closed aggregator and real failures.
 */
public final class LogsException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** What went wrong, stable across releases. */
    public enum Code {
        /** A query did not parse; the message names the position and what was expected. */
        BAD_QUERY,
        /** A request's argument was out of range (a time range, a limit). */
        BAD_REQUEST,
        /** The aggregator was closed. */
        CLOSED,
        /** Writing or forcing the log or a block failed: the aggregator refuses further writes until reopened. */
        STORAGE_FAILED,
        /** A block file or log record does not decode. */
        CORRUPT
    }

    private final Code code;

    public LogsException(Code code, String message) {
        this(code, message, null);
    }

    public LogsException(Code code, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** Which failure this is. */
    public Code code() {
        return code;
    }
}
