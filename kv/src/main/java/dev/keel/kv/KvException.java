package dev.keel.kv;

import java.io.IOException;
import java.io.Serial;
import java.util.Objects;

/**
 * A failure of the key-value store with a stable {@link Code}. It is an {@link IOException}: every store operation
 * may touch the disk, and callers already handle that. Immutable.
 */
public final class KvException extends IOException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** What went wrong, stable across releases. */
    public enum Code {
        /** A log record decoded to something that is not a valid key-value record. */
        CORRUPT_RECORD,
        /** A stored value is not JSON where {@link KeyValueStore#get(String)} expected it. */
        NOT_JSON,
        /** The store was closed. */
        CLOSED,
        /** A string operation on a list, or a list operation on a string (Redis's WRONGTYPE). */
        WRONG_TYPE
    }

    private final Code code;

    public KvException(Code code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public KvException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** Which failure this is. */
    public Code code() {
        return code;
    }
}
