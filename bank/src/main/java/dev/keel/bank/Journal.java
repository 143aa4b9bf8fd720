package dev.keel.bank;

import java.io.IOException;
import java.util.List;

/**
 * Where the sequencer makes a batch's events durable before it answers the batch's requests. Called only from the
 * sequencer's thread.
 */
interface Journal extends AutoCloseable {

    /** Makes {@code events} durable (or, in memory, does nothing); returns once they are. */
    void append(List<Event> events) throws IOException;

    /** After a batch is durable: a chance to write a snapshot of {@code ledger}. */
    void afterBatch(Ledger ledger) throws IOException;

    @Override
    void close() throws IOException;

    /** The journal of an in-memory system: nothing is written. */
    static Journal none() {
        return new Journal() {
            @Override
            public void append(List<Event> events) {}

            @Override
            public void afterBatch(Ledger ledger) {}

            @Override
            public void close() {}
        };
    }
}
