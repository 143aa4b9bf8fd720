package dev.keel.snapshot;

import java.util.Objects;

/** A request for a version the store does not have; {@link #code()} says which way, stably. */
public final class SnapshotException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the version is not available. */
    public enum Code {
        /** The version number was never made: negative, or newer than the current version. */
        UNKNOWN_VERSION,
        /** The version existed but is no longer retained: older than the last N and not pinned. */
        RELEASED_VERSION
    }

    private final Code code;

    SnapshotException(Code code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The stable reason, for callers that branch on it. */
    public Code code() {
        return code;
    }
}
