package dev.keel.chat;

import java.io.IOException;
import java.io.Serial;

/**
 * An IRC server refused what a {@link ChatClient} asked, or did not answer in time. {@link #code()} says which, for
 * callers that react to it; the message names the server's reply.
 */
public final class ChatException extends IOException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Why, stably. */
    public enum Code {
        /** 433: another client has the nick. */
        NICK_IN_USE,
        /** 432: the nick is not valid. */
        ERRONEOUS_NICK,
        /** 464: the server's password was wrong or missing. */
        BAD_PASSWORD,
        /** 403, 405, 471, 473, 474, 475: the channel could not be joined. */
        CANNOT_JOIN,
        /** The server did not answer within the timeout. */
        TIMEOUT,
        /** The connection ended. */
        DISCONNECTED
    }

    private final Code code;

    public ChatException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
