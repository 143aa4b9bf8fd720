package dev.keel.kv.server;

import java.io.Serial;

/**
 * A command the client got wrong (arity, syntax, a value that is not an integer): carries the error reply, which the
 * connection sends before it carries on. It never leaves {@link CommandHandler}, which turns it into that reply; it is
 * stackless because it is an expected outcome on the request path, not a failure to debug.
 *
 * <p>Immutable.
 */
final class CommandException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The message of the error reply, code first: {@code ERR syntax error}. */
    CommandException(String message) {
        super(message, null, false, false);
    }

    /** The reply to send. */
    Reply reply() {
        return new Reply.Error(getMessage());
    }

    static CommandException syntax() {
        return new CommandException("ERR syntax error");
    }

    static CommandException notAnInteger() {
        return new CommandException("ERR value is not an integer or out of range");
    }

    static CommandException wrongArity(String fullName) {
        return new CommandException("ERR wrong number of arguments for '" + fullName + "' command");
    }

    static CommandException invalidExpireTime(String command) {
        return new CommandException("ERR invalid expire time in '" + command + "' command");
    }
}
