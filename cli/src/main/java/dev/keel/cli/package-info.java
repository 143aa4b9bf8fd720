/**
 * The {@code keel} command line: a picocli root command with one subcommand per landed system, and the demo tour.
 *
 * <p>Reading order: {@link dev.keel.cli.Keel} (the only {@code main}, and the only caller of {@code System.exit});
 * {@link dev.keel.cli.KeelCommand} (the root command and how errors become exit codes); {@link dev.keel.cli.KeelSystem}
 * and {@link dev.keel.cli.SystemCatalog} (the eleven systems, and which of them have landed);
 * {@link dev.keel.cli.DemoCommand} (the tour).
 *
 * <p>Exit codes: 0 success, 1 failure, 2 a user's mistake (bad flag, unknown system, missing file). A user's
 * mistake prints one line and no stack trace; a failure prints one line, and its stack trace with {@code --verbose}.
 *
 * <p>Thread safety: a command object serves one invocation on one thread and is not thread-safe;
 * {@code SystemCatalog} is immutable.
 */
@NullMarked
package dev.keel.cli;

import org.jspecify.annotations.NullMarked;
