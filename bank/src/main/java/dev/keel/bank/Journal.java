package dev.keel.bank;

import java.io.IOException;
import java.util.List;

/**
 * Where the sequencer's batches become durable, in two steps: {@link #seal} turns a batch's events into the next log
 * record on the sequencer's thread (the record's place in the hash chain is fixed there, in apply order), and
 * {@link #write} makes sealed records durable through the sequencer's {@link Commits}, in the same order.
 */
interface Journal extends AutoCloseable {

    /** Whether records are written at all; an in-memory system answers each batch as soon as it ran. */
    boolean writes();

    /** Sequencer's thread: encodes {@code events} as the record after the last one sealed. */
    byte[] seal(List<Event> events);

    /** The committing thread: makes {@code records} durable, in order and with one force; returns once they are. */
    void write(List<byte[]> records) throws IOException;

    /**
     * Sequencer's thread, with overlapping forces: hands {@code record} (the record after every one written before
     * it) to the operating system without forcing it: it is durable once a {@link #force} that started after this
     * returned has returned.
     */
    void writeUnforced(byte[] record) throws IOException;

    /** Any thread, concurrently with others and with {@link #writeUnforced}: forces everything written so far. */
    void force() throws IOException;

    /**
     * Sequencer's thread, after a batch: whether a snapshot is due now. Throws the failure of an earlier background
     * snapshot commit.
     */
    boolean snapshotDue() throws IOException;

    /**
     * Sequencer's thread, once every sealed record is durable: encodes a snapshot of {@code ledger} and commits it in
     * the background.
     */
    void startSnapshot(Ledger ledger) throws IOException;

    @Override
    void close() throws IOException;

    /** The journal of an in-memory system: nothing is written. */
    static Journal none() {
        return new Journal() {
            @Override
            public boolean writes() {
                return false;
            }

            @Override
            public byte[] seal(List<Event> events) {
                return new byte[0];
            }

            @Override
            public void write(List<byte[]> records) {}

            @Override
            public void writeUnforced(byte[] record) {}

            @Override
            public void force() {}

            @Override
            public boolean snapshotDue() {
                return false;
            }

            @Override
            public void startSnapshot(Ledger ledger) {}

            @Override
            public void close() {}
        };
    }
}
