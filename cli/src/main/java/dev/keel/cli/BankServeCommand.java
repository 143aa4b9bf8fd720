package dev.keel.cli;

import dev.keel.bank.BankingSystem;
import dev.keel.bank.http.BankServer;
import dev.keel.bank.http.BankServerOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code keel bank serve}: the ledger over HTTP until Ctrl-C (or until the thread is interrupted, which is how tests
 * stop it). Every acknowledged transfer is on disk (fsync with group commit) before its response is sent.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the ledger's HTTP JSON API.")
final class BankServeCommand implements Callable<Integer> {

    @Option(
            names = "--port",
            defaultValue = "8080",
            paramLabel = "PORT",
            description = "TCP port (default: ${DEFAULT-VALUE}; 0: any free port).")
    int port;

    @Option(
            names = "--bind",
            defaultValue = "127.0.0.1",
            paramLabel = "ADDRESS",
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(
            names = "--dir",
            defaultValue = "./data/bank",
            paramLabel = "DIR",
            description = "The ledger's directory (default: ${DEFAULT-VALUE}).")
    Path directory;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        InetAddress address = Serving.listenAddress(bind, port);
        PrintWriter out = spec.commandLine().getOut();
        try (Serving.Hook shutdown = new Serving.Hook("bank");
                BankingSystem bank = BankingSystem.open(directory);
                BankServer server = start(bank, address)) {
            out.println("keel bank: serving " + directory.toAbsolutePath().normalize() + " on http:/" + server.address()
                    + " (" + bank.recoverySummary().orElse("in memory") + "); Ctrl-C to stop");
            out.flush();
            shutdown.onShutdown(server::close);
            server.awaitClose();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.println("keel bank: stopped");
        return ExitCode.OK;
    }

    private BankServer start(BankingSystem bank, InetAddress address) throws IOException {
        try {
            return BankServer.start(bank, BankServerOptions.loopback(port).withBindAddress(address));
        } catch (BindException e) {
            throw new UserError("cannot listen on " + bind + ":" + port + ": " + e.getMessage());
        }
    }
}
