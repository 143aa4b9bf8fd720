package dev.keel.logs.ingest;

import java.io.Serial;

/** A line that does not parse: the message names the position or field and what was expected. */
public final class ParseException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    public ParseException(String message) {
        super(message);
    }
}
