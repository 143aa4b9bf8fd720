package dev.keel.sql.engine;

import dev.keel.storage.ChannelOpener;
import dev.keel.storage.LogReader;
import dev.keel.storage.LogRecord;
import dev.keel.storage.SyncPolicy;
import dev.keel.storage.WalOptions;
import dev.keel.storage.WriteAheadLog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The write-ahead log of committed transactions of a file database, on keel-storage's {@link WriteAheadLog}
 * (CRC32C-framed records, fsync before {@code append} returns, torn-tail recovery).
 *
 * <p>How it is designed, and why: one record per committed transaction, holding the text and parameter values of the
 * statements that succeeded in it, in order. keel's statements are deterministic (no random or time functions; rowids
 * are the next after the largest), so replaying them on the same starting state rebuilds the same tables, and a
 * record is a few bytes per statement where a row image of an UPDATE of a million rows would be a million rows.
 * A record is appended and forced while the writer still holds the database's write lock, so log order is commit order
 * and a transaction is acknowledged only once it is on disk; a crash before the force loses only unacknowledged work,
 * and recovery drops a torn last record. Rejected for now: row-image (physical) logging, which replay would not
 * need to re-plan but which needs every schema object serialised. A {@link CheckpointFile} records the whole state as
 * of an LSN, after which the segments below it are deleted: the log holds only the tail since the last checkpoint.
 *
 * <p>Record schema (big-endian), version 1: {@code byte version=1; int statementCount; then per statement: int
 * sqlLength; sqlLength bytes of UTF-8; int parameterCount; then per parameter a tag byte 0=NULL, 1=INTEGER (long),
 * 2=REAL (double bits), 3=TEXT (int length + UTF-8), 4=BLOB (int length + bytes)}. The log's frame adds the length
 * and the CRC32C.
 *
 * <p>Thread-safe as the underlying log is; the engine appends only under its write lock.
 */
final class CommitLog implements AutoCloseable {

    private static final byte VERSION = 1;
    /** One transaction is one record: 256 MiB holds a few million logged single-row INSERTs. */
    private static final int MAX_TRANSACTION_BYTES = 256 << 20;

    /**
     * One logged statement.
     *
     * @param sql its text
     * @param parameters its parameter values (SQL values)
     */
    record Entry(String sql, @Nullable Object[] parameters) {}

    private final WriteAheadLog wal;

    private CommitLog(WriteAheadLog wal) {
        this.wal = wal;
    }

    /**
     * Opens the log in {@code directory} with segments of about {@code segmentSize} bytes: a checkpoint can delete
     * only whole segments below it, so segments are a fraction of the checkpoint interval.
     */
    static CommitLog open(Path directory, ChannelOpener opener, long segmentSize) throws IOException {
        return new CommitLog(WriteAheadLog.open(
                directory,
                WalOptions.builder()
                        .syncPolicy(SyncPolicy.ALWAYS)
                        .channelOpener(opener)
                        .segmentSize(Math.max(WalOptions.MIN_SEGMENT_SIZE, segmentSize))
                        .maxRecordSize(MAX_TRANSACTION_BYTES)
                        .maxBatchSize(MAX_TRANSACTION_BYTES)
                        .build()));
    }

    /** Where the next record will go: everything logged so far lies below it. */
    long endLsn() {
        return wal.endLsn();
    }

    /** Where the oldest record still kept starts. */
    long firstLsn() {
        return wal.firstLsn();
    }

    /** Deletes the segments that hold only records below {@code lsn}; returns how many. */
    int truncateBefore(long lsn) throws IOException {
        return wal.truncateBefore(lsn);
    }

    /** Appends one committed transaction; returns once it is on disk. */
    void append(List<Entry> transaction) throws IOException {
        wal.append(encode(transaction));
    }

    /** Every logged transaction from {@code fromLsn} on, oldest first. */
    List<List<Entry>> transactions(long fromLsn) throws IOException {
        List<List<Entry>> all = new ArrayList<>();
        try (LogReader reader = wal.reader(fromLsn)) {
            while (reader.hasNext()) {
                LogRecord record = reader.next();
                all.add(decode(record.payload(), record.lsn()));
            }
        }
        return all;
    }

    static byte[] encode(List<Entry> transaction) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeInt(transaction.size());
            for (Entry e : transaction) {
                ValueCodec.writeText(out, e.sql());
                out.writeInt(e.parameters().length);
                for (Object v : e.parameters()) {
                    ValueCodec.write(out, v);
                }
            }
        }
        return bytes.toByteArray();
    }

    static List<Entry> decode(byte[] payload, long lsn) throws IOException {
        String where = "commit record at LSN " + lsn;
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IOException(where + ": version " + version + " (expected " + VERSION + ")");
            }
            int count = ValueCodec.bounded(in.readInt(), payload.length, where, "statement count");
            List<Entry> entries = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String sql = ValueCodec.readText(in, payload.length, where, "SQL length");
                Object[] parameters =
                        new Object[ValueCodec.bounded(in.readInt(), payload.length, where, "parameter count")];
                for (int p = 0; p < parameters.length; p++) {
                    parameters[p] = ValueCodec.read(in, payload.length, where);
                }
                entries.add(new Entry(sql, parameters));
            }
            return entries;
        }
    }

    @Override
    public void close() throws IOException {
        wal.close();
    }
}
