package dev.keel.bench.bank;

/**
 * Something that can make a durable double-entry transfer: debit one account, credit another, refuse an overdraft,
 * remember the transfer's id. Each load-generator thread gets its own {@link Client}.
 */
interface TransferTarget extends AutoCloseable {

    /** One client's connection; used by one thread only. */
    interface Client extends AutoCloseable {
        /** Transfers {@code amount} minor units; true if it was applied (false: refused, e.g. a limit). */
        boolean transfer(String id, int from, int to, long amount) throws Exception;

        @Override
        default void close() throws java.sql.SQLException {}
    }

    /** What the report calls it. */
    String name();

    /** Opens {@code accounts} accounts (numbered 0 to accounts - 1), each with a balance no benchmark exhausts. */
    void setUp(int accounts) throws Exception;

    Client newClient() throws Exception;

    @Override
    void close() throws java.io.IOException;
}
