package dev.keel.bank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.ChildJvm;
import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM serves transfers from four threads on a durable ledger and is killed with SIGKILL at a random moment,
 * over and over on the same directory. After each kill: the audit passes, every transfer acknowledged in any cycle so
 * far is present with the fields it was submitted with, resubmitting every transfer that was in flight (submitted,
 * not acknowledged) yields only OK (it had not reached the disk) or EXISTS (it had), and each account's balance is the
 * fold of exactly the acknowledged transfers (each once: none lost, duplicated or invented). A fifth thread reads the
 * newest transfer the writers submitted while it may still be in flight (applied in memory, its force pending): every
 * transfer a read reported is present after the kill, because reads are answered only once what they saw is durable;
 * half the kills are aimed right after such a read, before its writer's acknowledgement.
 */
@ExtendWith(SeedExtension.class)
final class BankKillNineTest {

    private static final int CYCLES = 24;
    private static final String[] ACCOUNTS = {"k0", "k1", "k2", "k3", "k4"};
    private static final long OPENING_MINOR = 1_000_000_000L;

    @TempDir
    Path dir;

    /**
     * The child: prints "try ID FROM TO MINOR" before each transfer, "ack ID RESULT" after it, and "seen ID" when a
     * lookup found a transfer.
     */
    static final class Server {
        public static void main(String[] args) throws Exception {
            Path dir = Path.of(args[0]);
            String cycle = args[1];
            // Cycles rotate through the commit designs: as shipped (the sequencer forces each batch itself),
            // pipelined commits, and overlapping forces (two force threads).
            BankOptions.Builder options = BankOptions.builder(dir);
            switch (Integer.parseInt(cycle) % 3) {
                case 1 -> options.pipelineDepth(64);
                case 2 -> options.forceThreads(2);
                default -> {}
            }
            BankingSystem bank = BankingSystem.open(options.build());
            for (String id : ACCOUNTS) {
                bank.createAccount(NewAccount.customer(id, id, Money.ofMinor(OPENING_MINOR, "USD")));
            }
            print("ready");
            List<Thread> threads = new ArrayList<>();
            AtomicReference<String> newest = new AtomicReference<>("none");
            threads.add(Thread.ofPlatform().name("reader").start(() -> {
                String reported = "";
                while (true) {
                    String id = newest.get();
                    // Each transfer's first sighting only: printing every lookup filled the output with copies.
                    if (!id.equals(reported) && bank.lookupTransfer(id).isPresent()) {
                        print("seen " + id);
                        reported = id;
                    }
                }
            }));
            for (int t = 0; t < 4; t++) {
                int thread = t;
                threads.add(Thread.ofPlatform().name("client-" + t).start(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; ; i++) {
                        String id = "c" + cycle + "-" + thread + "-" + i;
                        int from = random.nextInt(ACCOUNTS.length);
                        int to = (from + 1 + random.nextInt(ACCOUNTS.length - 1)) % ACCOUNTS.length;
                        long minor = random.nextLong(1, 10_000);
                        print("try " + id + " " + ACCOUNTS[from] + " " + ACCOUNTS[to] + " " + minor);
                        newest.set(id);
                        TransferOutcome outcome = bank.transfer(
                                NewTransfer.of(id, ACCOUNTS[from], ACCOUNTS[to], Money.ofMinor(minor, "USD"), "kill"));
                        print("ack " + id + " " + outcome.result());
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join();
            }
        }

        private static void print(String line) {
            synchronized (System.out) {
                System.out.println(line);
                System.out.flush();
            }
        }
    }

    @Test
    void killNine_duringTransfers_losesNothingAcknowledged_andInFlightResubmitsAreOkOrExists(SeededRandom random)
            throws Exception {
        Map<String, NewTransfer> acknowledged = new HashMap<>();
        int killsAfterAnInFlightRead = 0;
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            Map<String, NewTransfer> tried = new LinkedHashMap<>();
            Set<String> reported = new HashSet<>();
            int acks = random.nextInt(1, 300);
            // Half the kills aim at the read rule's window: right after a read reported a transfer whose writer had
            // not printed its acknowledgement yet (a random moment would almost never fall there).
            boolean killAfterInFlightRead = random.nextBoolean();
            try (ChildJvm child =
                    ChildJvm.start(Server.class, List.of("-Xmx128m"), List.of(dir.toString(), String.valueOf(cycle)))) {
                assertThat(child.awaitLine(Duration.ofMinutes(1))).isEqualTo("ready");
                Set<String> ackedSoFar = new HashSet<>();
                int seen = 0;
                boolean aimed = !killAfterInFlightRead;
                for (int extra = 0; seen < acks || (!aimed && extra < 5_000); ) {
                    String line = child.awaitLine(Duration.ofMinutes(1));
                    if (line.startsWith("ack ")) {
                        seen++;
                        ackedSoFar.add(line.split(" ")[1]);
                    } else if (seen >= acks && line.startsWith("seen ")) {
                        aimed = !ackedSoFar.contains(line.substring(5));
                    }
                    if (seen >= acks) {
                        extra++;
                    }
                }
                child.kill9();
                for (String line : child.stdoutLines()) {
                    String[] parts = line.split(" ");
                    if (parts[0].equals("try") && parts.length == 5) {
                        tried.put(
                                parts[1],
                                NewTransfer.of(
                                        parts[1],
                                        parts[2],
                                        parts[3],
                                        Money.ofMinor(Long.parseLong(parts[4]), "USD"),
                                        "kill"));
                    } else if (parts[0].equals("seen") && parts.length == 2) {
                        reported.add(parts[1]);
                    } else if (parts[0].equals("ack") && parts.length == 3) {
                        assertThat(parts[2]).as(line).isEqualTo("OK");
                        NewTransfer ack = tried.remove(parts[1]);
                        assertThat(ack)
                                .as("%s was tried before it was acknowledged", parts[1])
                                .isNotNull();
                        acknowledged.put(parts[1], ack);
                    }
                }
            }
            try (BankingSystem bank = BankingSystem.open(dir)) {
                AuditReport audit = bank.audit();
                assertThat(audit.violations()).as("audit after kill %d", cycle).isEmpty();
                for (NewTransfer ack : acknowledged.values()) {
                    Transfer stored = bank.lookupTransfer(ack.id()).orElse(null);
                    assertThat(stored)
                            .as("after kill %d: acknowledged %s", cycle, ack.id())
                            .isNotNull();
                    assertThat(List.of(stored.from(), stored.to(), stored.amount(), stored.reference()))
                            .as("after kill %d: acknowledged %s as submitted", cycle, ack.id())
                            .isEqualTo(List.of(ack.from(), ack.to(), ack.amount(), ack.reference()));
                }
                for (String id : reported) {
                    assertThat(bank.lookupTransfer(id))
                            .as("after kill %d: %s, which a read reported", cycle, id)
                            .isPresent();
                    if (tried.containsKey(id)) {
                        killsAfterAnInFlightRead++; // the kill fell between the read's answer and the writer's
                    }
                }
                for (NewTransfer inFlight : tried.values()) {
                    TransferResult result = bank.transfer(inFlight).result();
                    assertThat(result)
                            .as("resubmitting in-flight %s", inFlight.id())
                            .isIn(TransferResult.OK, TransferResult.EXISTS);
                    if (reported.contains(inFlight.id())) {
                        assertThat(result)
                                .as("in-flight %s was seen", inFlight.id())
                                .isEqualTo(TransferResult.EXISTS);
                    }
                    acknowledged.put(inFlight.id(), inFlight);
                }
                // Exactly once: every account's posted balance is its opening balance plus the fold of exactly the
                // transfers acknowledged so far (each counted once), so nothing was lost, duplicated or invented.
                Map<String, Long> expected = new HashMap<>();
                for (String id : ACCOUNTS) {
                    expected.put(id, OPENING_MINOR);
                }
                for (NewTransfer transfer : acknowledged.values()) {
                    expected.merge(transfer.from(), -transfer.amount().minorUnits(), Long::sum);
                    expected.merge(transfer.to(), transfer.amount().minorUnits(), Long::sum);
                }
                for (String id : ACCOUNTS) {
                    assertThat(bank.balance(id).orElseThrow().posted().minorUnits())
                            .as("after kill %d: %s's balance is the fold of the acknowledged transfers", cycle, id)
                            .isEqualTo(expected.get(id));
                }
            }
        }
        assertThat(acknowledged.size()).isGreaterThan(CYCLES);
        System.out.println("kills that fell between a read's answer and its writer's acknowledgement: "
                + killsAfterAnInFlightRead);
    }
}
