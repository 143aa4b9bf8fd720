package dev.keel.cli;

import dev.keel.bank.BankingSystem;
import dev.keel.bank.VerifyReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keel bank ...}: the ledger's HTTP server, and an offline check of a data directory. */
@Command(
        name = "bank",
        mixinStandardHelpOptions = true,
        description = "A double-entry ledger with exactly-once transfers and two-phase holds: an HTTP JSON server,"
                + " and an offline verifier.",
        subcommands = {BankServeCommand.class, BankCommand.Verify.class})
final class BankCommand implements Callable<Integer> {

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = "Replay a ledger's log (checksums and hash chain) and audit the books; exit 1 if anything"
                    + " is wrong.")
    static final class Verify implements Callable<Integer> {
        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The ledger's directory.")
        Path directory;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (!Files.isDirectory(directory.resolve("log"))) {
                throw new UserError("no ledger at --dir " + directory + " (expected a directory with a log/ in it)");
            }
            PrintWriter out = spec.commandLine().getOut();
            VerifyReport report = BankingSystem.verify(directory);
            if (report.failure() != null) {
                out.println("FAILED: " + report.failure());
                return ExitCode.FAILURE;
            }
            out.println("recovery: " + report.snapshot() + ", then " + report.records() + " log records ("
                    + report.events() + " events); " + report.logRecovery());
            out.println("hash chain: intact; head " + report.headHash());
            out.println("audit: " + report.audit().accounts() + " accounts, "
                    + report.audit().transfers() + " transfers, "
                    + (report.audit().ok() ? "the books balance" : "VIOLATIONS:"));
            report.audit().violations().forEach(violation -> out.println("  " + violation));
            out.println(report.ok() ? "OK" : "FAILED");
            return report.ok() ? ExitCode.OK : ExitCode.FAILURE;
        }
    }
}
