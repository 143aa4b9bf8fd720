package dev.keel.bank;

import java.io.IOException;

/** Placeholder until the log lands. */
final class DurableJournal {
    private DurableJournal() {}

    static Journal open(BankOptions options, Ledger ledger) throws IOException {
        throw new IOException("durable banking systems are not implemented yet (" + options.directory() + ")");
    }
}
