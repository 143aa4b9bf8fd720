package dev.keel.cli;

import dev.keel.bank.Account;
import dev.keel.bank.BankingSystem;
import dev.keel.bank.Money;
import dev.keel.bank.NewTransfer;
import dev.keel.bank.TransferOutcome;
import dev.keel.bank.VerifyReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The ledger's tour: the seed example, an insufficient-funds rejection, an idempotent retry, a hold that is
 * posted in part, and a restart from disk followed by {@code verify}.
 */
final class BankDemo {

    private final PrintWriter out;

    BankDemo(PrintWriter out) {
        this.out = out;
    }

    void run() throws IOException {
        Path directory = Files.createTempDirectory("keel-demo-bank-");
        try {
            tour(directory.resolve("ledger"));
        } finally {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private void tour(Path data) throws IOException {
        out.println("BankingSystem bank = BankingSystem.open(dir)   // durable: each answer comes after its fsync");
        try (BankingSystem bank = BankingSystem.open(data)) {
            Account alice = bank.createAccount("Alice", Money.of("1000.00", "USD"));
            Account bob = bank.createAccount("Bob", Money.of("500.00", "USD"));
            out.println("bank.createAccount(\"Alice\", USD 1000.00); bank.createAccount(\"Bob\", USD 500.00)");
            TransferOutcome payment = bank.transfer("Alice", "Bob", Money.of("200.00", "USD"), "Payment");
            out.println("bank.transfer(\"Alice\", \"Bob\", USD 200.00, \"Payment\")  -> " + payment.result());
            out.println("alice.getBalance() -> " + alice.getBalance() + ", bob.getBalance() -> " + bob.getBalance());
            out.println();

            TransferOutcome tooMuch =
                    bank.transfer(NewTransfer.of("rent-1", "Bob", "Alice", Money.of("5000.00", "USD"), "Rent"));
            out.println("Bob pays USD 5000.00                -> " + tooMuch.result() + " (nothing changed: Bob has "
                    + bob.getBalance() + ")");
            NewTransfer coffee = NewTransfer.of("coffee-42", "Alice", "Bob", Money.of("3.50", "USD"), "Coffee");
            out.println("transfer coffee-42 (USD 3.50)       -> "
                    + bank.transfer(coffee).result());
            out.println("the client retries coffee-42        -> "
                    + bank.transfer(coffee).result() + " (the original; Bob has " + bob.getBalance() + ", paid once)");
            out.println("coffee-42 again, but USD 4.00       -> "
                    + bank.transfer(NewTransfer.of("coffee-42", "Alice", "Bob", Money.of("4.00", "USD"), "Coffee"))
                            .result());
            out.println();

            bank.transfer(NewTransfer.pending(
                    "hotel-7", "Alice", "Bob", Money.of("300.00", "USD"), "Hotel deposit", Duration.ofHours(1)));
            out.println("hold hotel-7: USD 300.00 for PT1H   -> Alice posted "
                    + alice.balance().posted() + ", available "
                    + alice.balance().available());
            TransferOutcome checkout = bank.post("hotel-7", Money.of("250.00", "USD"));
            out.println("post hotel-7 with USD 250.00        -> " + checkout.result() + "; Alice " + alice.getBalance()
                    + ", available " + alice.balance().available() + " (the other 50.00 released)");
            out.println("post hotel-7 again                  -> "
                    + bank.post("hotel-7", null).result());
            out.println(
                    "bank.audit()                        -> ok=" + bank.audit().ok());
        }
        out.println();
        try (BankingSystem bank = BankingSystem.open(data)) {
            out.println("reopened: " + bank.recoverySummary().orElseThrow().replaceAll("; .*", ""));
            out.println("Alice " + bank.account("Alice").orElseThrow().getBalance() + ", Bob "
                    + bank.account("Bob").orElseThrow().getBalance());
        }
        VerifyReport report = BankingSystem.verify(data);
        out.println("keel bank verify --dir ...  -> " + (report.ok() ? "OK" : "FAILED") + ", hash chain head "
                + report.headHash().substring(0, 16) + "...");
        out.println("Try: keel bank serve --port 8080 --dir ./data/bank, then"
                + " curl -d '{\"id\":\"alice\",\"currency\":\"USD\",\"owner\":\"Alice\",\"initialBalance\":\"10.00\"}'"
                + " localhost:8080/accounts");
    }
}
