package dev.keel.cli;

import java.io.Serial;

/**
 * A mistake of the user's that a command found after parsing (a file that does not exist, a value out of range).
 * It ends the command with exit code 2 and its message alone, never a stack trace: the message must name the value
 * and what was expected.
 */
public final class UserError extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }
}
