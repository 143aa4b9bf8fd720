package dev.keel.bank;

import java.io.Serial;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A failure of the banking system, with a stable {@link Code}. Rejected transfers are not exceptions (they are
 * {@link TransferOutcome}s); this is for the convenience methods that return a bare value, a system that is closed,
 * and real failures (the log, damaged files).
 */
public final class BankException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** What went wrong, stable across releases. */
    public enum Code {
        /** A convenience method's request was refused; the message names the result code. */
        REJECTED,
        /** The system was closed. */
        CLOSED,
        /** The log failed to write or force: the system refuses further work until it is reopened. */
        LOG_FAILED,
        /** The data directory is damaged: a record or snapshot that does not decode, or a broken hash chain. */
        CORRUPT
    }

    private final Code code;

    public BankException(Code code, String message) {
        this(code, message, null);
    }

    public BankException(Code code, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** Which failure this is. */
    public Code code() {
        return code;
    }
}
