package dev.keel.sql.engine;

import dev.keel.sql.SqlError;
import dev.keel.sql.SqlException;
import dev.keel.sql.parse.Parser;
import dev.keel.sql.storage.Catalog;
import dev.keel.storage.ChannelOpener;
import dev.keel.storage.DurableFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jspecify.annotations.Nullable;

/**
 * One database: its catalog, the lock that guards it and, for a file database, the log of committed transactions and
 * the checkpoints that let the log be truncated. Sessions are the way in.
 *
 * <p>A file database is a directory: {@code checkpoint} (a {@link CheckpointFile}, absent until the first checkpoint)
 * and {@code log/}, keel-storage's write-ahead log of the transactions committed after it.
 *
 * <p>Thread-safe: every access to the catalog happens under {@link #lock()} (readers share it, a writer holds it
 * alone).
 */
public final class Database implements AutoCloseable {

    private final Catalog catalog = new Catalog();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private static final System.Logger LOG = System.getLogger(Database.class.getName());
    /** The subdirectory of a file database that holds its write-ahead log; the checkpoint sits beside it. */
    static final String LOG_DIRECTORY = "log";

    private volatile @Nullable CommitLog commitLog;
    private volatile @Nullable Checkpointer checkpointer;

    /** A new, empty in-memory database. */
    public Database() {}

    /**
     * Opens (or creates) the file database in {@code directory}: loads its checkpoint, replays the committed
     * transactions logged after it, then logs each new one before acknowledging it and checkpoints every 16 MiB of log.
     *
     * @throws IOException if the directory cannot be used, its checkpoint or log is damaged, or a logged statement no
     *     longer runs
     */
    public static Database open(Path directory) throws IOException {
        return open(directory, ChannelOpener.system());
    }

    /** {@link #open(Path)} with the log's files opened through {@code opener} (crash tests inject a faulty disk). */
    public static Database open(Path directory, ChannelOpener opener) throws IOException {
        return open(directory, opener, Checkpointer.DEFAULT_INTERVAL, Checkpointer.StepListener.NONE);
    }

    /** {@link #open(Path)} checkpointing every {@code checkpointInterval} bytes of log instead of 16 MiB. */
    public static Database open(Path directory, long checkpointInterval) throws IOException {
        return open(directory, ChannelOpener.system(), checkpointInterval, Checkpointer.StepListener.NONE);
    }

    /**
     * {@link #open(Path, ChannelOpener)} checkpointing every {@code checkpointInterval} bytes of log, telling
     * {@code listener} of each checkpoint step (tests crash there).
     */
    static Database open(
            Path directory, ChannelOpener opener, long checkpointInterval, Checkpointer.StepListener listener)
            throws IOException {
        if (checkpointInterval <= 0) {
            throw new IllegalArgumentException(
                    "checkpointInterval (" + checkpointInterval + ") must be positive (bytes of log)");
        }
        if (Files.exists(directory.resolve("wal.lock")) && !Files.isDirectory(directory.resolve(LOG_DIRECTORY))) {
            throw new IOException(directory + " holds a database in the layout before checkpoints (log segments at the"
                    + " top); move its *.log files and wal.lock into " + directory.resolve(LOG_DIRECTORY)
                    + " to open it");
        }
        Database database = new Database();
        Files.createDirectories(directory);
        boolean created = !Files.exists(directory.resolve(LOG_DIRECTORY));
        CommitLog log = CommitLog.open(directory.resolve(LOG_DIRECTORY), opener, checkpointInterval / 4);
        try {
            if (created) {
                DurableFiles.forceDirectory(directory); // the new log/ entry itself must survive a crash
            }
            Path checkpoint = directory.resolve(Checkpointer.FILE_NAME);
            DurableFiles.deleteAbandoned(checkpoint);
            long from;
            if (Files.exists(checkpoint)) {
                from = CheckpointFile.restore(checkpoint, database);
            } else if (log.firstLsn() != 0) {
                throw new IOException(directory + ": the log starts at position " + log.firstLsn()
                        + " but there is no checkpoint (expected: the file " + checkpoint + ")");
            } else {
                from = 0;
            }
            if (from < log.firstLsn() || from > log.endLsn()) {
                throw new IOException(directory + ": the checkpoint is at log position " + from + " but the log holds "
                        + log.firstLsn() + " to " + log.endLsn());
            }
            replay(database, log.transactions(from));
            database.commitLog = log;
            database.checkpointer = new Checkpointer(directory, log, checkpointInterval, from, listener);
            return database;
        } catch (SqlException e) {
            log.close();
            throw new IOException("replaying the log in " + directory + " failed: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            log.close();
            throw e;
        }
    }

    private static void replay(Database database, List<List<CommitLog.Entry>> transactions) {
        Session replay = database.openSession();
        for (List<CommitLog.Entry> transaction : transactions) {
            replay.execute(Parser.parseStatement("BEGIN"), new Object[0]);
            for (CommitLog.Entry entry : transaction) {
                replay.execute(Parser.parseStatement(entry.sql()), entry.parameters());
            }
            replay.execute(Parser.parseStatement("COMMIT"), new Object[0]);
        }
    }

    /** The log of a file database, or null in memory. */
    @Nullable
    CommitLog commitLog() {
        return commitLog;
    }

    /**
     * Writes a checkpoint of a file database and truncates its log (a no-op in memory); waits for a running one. The
     * calling thread must not hold the write lock (be in a transaction).
     */
    public void checkpoint() throws IOException {
        checkpoint(true);
    }

    /** Checkpoints if the log has grown by the interval since the last one; called after commits. */
    void checkpointIfDue() {
        Checkpointer c = checkpointer;
        if (c != null && c.due()) {
            try {
                checkpoint(false);
            } catch (IOException | RuntimeException e) {
                // The transaction that triggered it is committed; the next interval tries again and CHECKPOINT reports.
                LOG.log(System.Logger.Level.WARNING, "automatic checkpoint failed: " + e.getMessage(), e);
            }
        }
    }

    private Checkpointer.@Nullable Result checkpoint(boolean waitForOthers) throws IOException {
        Checkpointer c = checkpointer;
        if (c == null) {
            return null;
        }
        if (lock.isWriteLockedByCurrentThread()) {
            throw new IllegalStateException("a checkpoint cannot run inside a transaction");
        }
        lock.readLock().lock();
        try {
            return c.checkpoint(catalog, waitForOthers);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Closes the log of a file database (a no-op in memory). */
    @Override
    public void close() {
        CommitLog log = commitLog;
        commitLog = null;
        checkpointer = null;
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
