package dev.keel.bench.bank;

import dev.keel.bank.BankingSystem;
import dev.keel.bank.http.BankServer;
import dev.keel.bank.http.BankServerOptions;
import java.nio.file.Path;

/**
 * The child process {@link HttpTarget} starts: keel's ledger served over HTTP on a free port of 127.0.0.1, durable in
 * the directory given ({@code SyncPolicy.ALWAYS}). Prints {@code port N} once it listens, then serves until it is
 * killed. Not a command for people: use {@code keel bank serve}.
 */
public final class BankServerProcess {

    private BankServerProcess() {}

    public static void main(String[] args) throws Exception {
        try (BankingSystem bank = BankingSystem.open(Path.of(args[0]));
                BankServer server = BankServer.start(bank, BankServerOptions.loopback(0))) {
            System.out.println("port " + server.address().getPort());
            System.out.flush();
            server.awaitClose();
        }
    }
}
