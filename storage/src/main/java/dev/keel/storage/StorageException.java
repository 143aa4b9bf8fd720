package dev.keel.storage;

import java.io.IOException;
import java.io.Serial;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A storage failure with a stable {@link Code}: a damaged or foreign log directory, a log that failed earlier and
 * must be reopened, or a directory another process holds. It is an {@link IOException}, since that is what callers of
 * a log already handle; the code lets them tell the cases apart without parsing the message.
 */
public final class StorageException extends IOException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** What went wrong, stable across releases. */
    public enum Code {
        /** A record failed its checksum or framing before the tail of the log. */
        CORRUPT_RECORD,
        /** A segment's header is damaged or has the wrong magic or version. */
        CORRUPT_HEADER,
        /** A segment file is empty: segments are created whole, so this is damage, not a crash. */
        EMPTY_SEGMENT,
        /** Segments do not follow each other: one in the middle is missing. */
        MISSING_SEGMENT,
        /** The log directory holds a file the log did not create. */
        FOREIGN_FILE,
        /** Another process (or another open log in this one) holds the directory. */
        LOCKED,
        /** An earlier write or force failed; the log refuses further work until it is reopened and recovered. */
        LOG_FAILED,
        /** The log was closed. */
        CLOSED,
        /** The LSN given is not the start of a record in this log. */
        NO_SUCH_RECORD
    }

    private final Code code;

    public StorageException(Code code, String message) {
        this(code, message, null);
    }

    public StorageException(Code code, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** Which failure this is. */
    public Code code() {
        return code;
    }
}
