package dev.keel.sql.engine;

import dev.keel.sql.SqlError;
import dev.keel.sql.SqlException;
import dev.keel.sql.parse.Parser;
import dev.keel.sql.storage.Catalog;
import dev.keel.storage.ChannelOpener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jspecify.annotations.Nullable;

/**
 * One database: its catalog, the lock that guards it and, for a file database, the log of committed transactions.
 * Sessions are the way in.
 *
 * <p>Thread-safe: every access to the catalog happens under {@link #lock()} (readers share it, a writer holds it
 * alone).
 */
public final class Database implements AutoCloseable {

    private final Catalog catalog = new Catalog();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private @Nullable CommitLog commitLog;

    /** A new, empty in-memory database. */
    public Database() {}

    /**
     * Opens (or creates) the file database in {@code directory}: replays every committed transaction from its log,
     * then logs each new one before acknowledging it.
     *
     * @throws IOException if the log cannot be opened or read, or a logged statement no longer runs
     */
    public static Database open(Path directory) throws IOException {
        return open(directory, ChannelOpener.system());
    }

    /** {@link #open(Path)} with the log's files opened through {@code opener} (crash tests inject a faulty disk). */
    public static Database open(Path directory, ChannelOpener opener) throws IOException {
        Database database = new Database();
        CommitLog log = CommitLog.open(directory, opener);
        try {
            Session replay = database.openSession();
            for (List<CommitLog.Entry> transaction : log.transactions()) {
                replay.execute(Parser.parseStatement("BEGIN"), new Object[0]);
                for (CommitLog.Entry entry : transaction) {
                    replay.execute(Parser.parseStatement(entry.sql()), entry.parameters());
                }
                replay.execute(Parser.parseStatement("COMMIT"), new Object[0]);
            }
        } catch (SqlException e) {
            log.close();
            throw new IOException("replaying the log in " + directory + " failed: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            log.close();
            throw e;
        }
        database.commitLog = log;
        return database;
    }

    /** The log of a file database, or null in memory. */
    @Nullable
    CommitLog commitLog() {
        return commitLog;
    }

    /** Closes the log of a file database (a no-op in memory). */
    @Override
    public void close() {
        CommitLog log = commitLog;
        commitLog = null;
        if (log != null) {
            try {
                log.close();
            } catch (IOException e) {
                throw new SqlException(SqlError.STORAGE_FAILURE, "closing the log failed: " + e.getMessage());
            }
        }
    }

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
