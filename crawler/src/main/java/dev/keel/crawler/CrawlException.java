package dev.keel.crawler;

import java.io.Serial;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A crawl that could not run or had to stop, with a stable {@link Code}. A page that fails (a timeout, a 404, a
 * redirect loop) is not an exception: it is a {@link Page} with its status or error.
 */
public final class CrawlException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** What went wrong, stable across releases. */
    public enum Code {
        /** A seed is not an absolute http or https URL. */
        BAD_SEED,
        /** The state directory holds a crawl but resuming was not asked for (or the reverse). */
        STATE_MISMATCH,
        /** The journal of the state directory could not be read or written. */
        JOURNAL_FAILED,
        /** An output file (WARC) could not be opened or written; the crawl stopped. */
        OUTPUT_FAILED,
        /** The {@code onPage} callback threw; the crawl stopped. */
        CALLBACK_FAILED,
        /** A worker failed unexpectedly (a bug); the crawl stopped. The cause is attached. */
        FAILED,
        /** The thread waiting for the crawl was interrupted; the crawl was stopped. */
        INTERRUPTED
    }

    private final Code code;

    public CrawlException(Code code, String message) {
        this(code, message, null);
    }

    public CrawlException(Code code, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** Which failure this is. */
    public Code code() {
        return code;
    }
}
