package dev.keel.cli;

import dev.keel.bank.BankingSystem;
import dev.keel.bank.http.BankServer;
import dev.keel.bank.http.BankServerOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
        if (port < 0 || port > 65_535) {
            throw new UserError("--port " + port + " (expected 0 to 65535)");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new UserError("--bind '" + bind + "' is not an address of this machine");
        }
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch bankClosed = new CountDownLatch(1);
        Thread shutdown = Thread.ofPlatform().name("keel-bank-shutdown").unstarted(() -> {});
        try (BankingSystem bank = BankingSystem.open(directory);
                BankServer server = start(bank, address)) {
            out.println("keel bank: serving " + directory.toAbsolutePath().normalize() + " on http:/" + server.address()
                    + " (" + bank.recoverySummary().orElse("in memory") + "); Ctrl-C to stop");
            out.flush();
            BankServer toStop = server;
            shutdown = Thread.ofPlatform().name("keel-bank-shutdown").unstarted(() -> {
                toStop.close();
                try {
                    bankClosed.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Runtime.getRuntime().addShutdownHook(shutdown);
            server.awaitClose();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            bankClosed.countDown();
            removeHook(shutdown);
        }
        out.println("keel bank: stopped");
        return ExitCode.OK;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already shutting down and running the hook: nothing to remove.
        }
    }

    private BankServer start(BankingSystem bank, InetAddress address) throws IOException {
        try {
            return BankServer.start(bank, BankServerOptions.loopback(port).withBindAddress(address));
        } catch (BindException e) {
            throw new UserError("cannot listen on " + bind + ":" + port + ": " + e.getMessage());
        }
    }
}
