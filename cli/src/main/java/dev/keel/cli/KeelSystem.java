package dev.keel.cli;

import java.io.PrintWriter;

/**
 * A system that has landed in keel, as the command line sees it: its name, its subcommand and its demo.
 *
 * <p>Each system contributes one implementation to {@link SystemCatalog#landed()} as it lands. The subcommand is a
 * picocli {@code @Command} object registered under {@link #name()}; the demo is a short scripted tour (a few seconds,
 * no input, no network beyond 127.0.0.1) that {@code keel demo} runs under a heading.
 */
interface KeelSystem {

    /** The system's name on the command line and its module folder: {@code kv}, {@code sql}, {@code chat}. */
    String name();

    /**
     * The subcommand's name, {@link #name()} unless the command reads better as a verb ({@code keel schedule} for
     * the scheduler); the command may also list {@link #name()} as an alias.
     */
    default String commandName() {
        return name();
    }

    /** A new picocli command object for {@code keel <commandName> ...}. */
    Object command();

    /** Runs the tour, writing to {@code out}. Throws for a failure, which makes {@code keel demo} exit 1. */
    void demo(PrintWriter out) throws Exception;
}
