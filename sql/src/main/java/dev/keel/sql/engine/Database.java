package dev.keel.sql.engine;

import dev.keel.sql.storage.Catalog;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One database: its catalog and the lock that guards it. Sessions are the way in.
 *
 * <p>Thread-safe: every access to the catalog happens under {@link #lock()} (readers share it, a writer holds it
 * alone).
 */
public final class Database {

    private final Catalog catalog = new Catalog();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    /** A new session (connection) on this database. */
    public Session openSession() {
        return new Session(this);
    }

    Catalog catalog() {
        return catalog;
    }

    ReentrantReadWriteLock lock() {
        return lock;
    }
}
