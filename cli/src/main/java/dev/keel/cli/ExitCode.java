package dev.keel.cli;

/** The exit codes every keel command uses. */
final class ExitCode {

    /** The command did what was asked. */
    static final int OK = 0;

    /** Something failed that was not the user's mistake (an I/O error, a bug, a demo that broke). */
    static final int FAILURE = 1;

    /** The user's mistake: a bad flag or value, an unknown system, a missing file. */
    static final int USAGE = 2;

    private ExitCode() {}
}
