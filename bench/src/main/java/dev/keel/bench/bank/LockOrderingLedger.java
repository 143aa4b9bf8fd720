package dev.keel.bench.bank;

import dev.keel.storage.SyncPolicy;
import dev.keel.storage.WalOptions;
import dev.keel.storage.WriteAheadLog;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The design keel's ledger rejected, kept here to measure it: a lock per account, the two locks of a transfer taken
 * in id order (so no deadlock), the limit checked and the transfer's record appended to the same write-ahead log
 * ({@code ALWAYS}, group commit) while both locks are held, then the balances updated. Holding the locks across the
 * fsync is what makes it correct (no one may spend money that is not yet durable, and the log's order must agree with
 * the balances' order) and also what makes a hot account slow: every transfer touching it waits for the fsync of the
 * one before. Transfers between disjoint accounts share fsyncs through the log's group commit.
 *
 * <p>Thread-safe: per-account locks; the transfer table is a concurrent map (idempotency by {@code putIfAbsent}
 * under the locks).
 */
final class LockOrderingLedger implements TransferTarget {

    private static final class Account {
        final ReentrantLock lock = new ReentrantLock();
        long debits;
        long credits;
    }

    private final WriteAheadLog log;
    private final ConcurrentHashMap<String, Boolean> transfers = new ConcurrentHashMap<>();
    private Account[] accounts = new Account[0];

    LockOrderingLedger(Path directory) throws Exception {
        this.log = WriteAheadLog.open(
                directory, WalOptions.builder().syncPolicy(SyncPolicy.ALWAYS).build());
    }

    @Override
    public String name() {
        return "keel (lock ordering)";
    }

    @Override
    public void setUp(int count) {
        accounts = new Account[count];
        for (int i = 0; i < count; i++) {
            accounts[i] = new Account();
            accounts[i].credits = 1_000_000_000_000L;
        }
    }

    @Override
    public Client newClient() {
        return this::transfer;
    }

    private boolean transfer(String id, int from, int to, long amount) throws Exception {
        Account first = accounts[Math.min(from, to)];
        Account second = accounts[Math.max(from, to)];
        first.lock.lock();
        try {
            second.lock.lock();
            try {
                Account debit = accounts[from];
                Account credit = accounts[to];
                if (transfers.containsKey(id) || debit.debits + amount > debit.credits) {
                    return false;
                }
                byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
                ByteBuffer record = ByteBuffer.allocate(24 + idBytes.length);
                record.putInt(from)
                        .putInt(to)
                        .putLong(amount)
                        .putInt(idBytes.length)
                        .put(idBytes);
                log.append(record.array());
                transfers.put(id, Boolean.TRUE);
                debit.debits += amount;
                credit.credits += amount;
                return true;
            } finally {
                second.lock.unlock();
            }
        } finally {
            first.lock.unlock();
        }
    }

    @Override
    public void close() throws java.io.IOException {
        log.close();
    }
}
