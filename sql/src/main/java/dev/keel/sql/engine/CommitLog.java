package dev.keel.sql.engine;

import dev.keel.sql.value.Blob;
import dev.keel.storage.ChannelOpener;
import dev.keel.storage.LogReader;
import dev.keel.storage.LogRecord;
import dev.keel.storage.SyncPolicy;
import dev.keel.storage.WalOptions;
import dev.keel.storage.WriteAheadLog;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * need to re-plan but which needs every schema object serialised; checkpoints (a crash-safe dump that lets the log be
 * truncated) are the next step, so today the log grows with every transaction.
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

    static CommitLog open(Path directory, ChannelOpener opener) throws IOException {
        return new CommitLog(WriteAheadLog.open(
                directory,
                WalOptions.builder()
                        .syncPolicy(SyncPolicy.ALWAYS)
                        .channelOpener(opener)
                        .build()));
    }

    /** Appends one committed transaction; returns once it is on disk. */
    void append(List<Entry> transaction) throws IOException {
        wal.append(encode(transaction));
    }

    /** Every logged transaction, oldest first. */
    List<List<Entry>> transactions() throws IOException {
        List<List<Entry>> all = new ArrayList<>();
        try (LogReader reader = wal.reader()) {
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
                byte[] sql = e.sql().getBytes(StandardCharsets.UTF_8);
                out.writeInt(sql.length);
                out.write(sql);
                out.writeInt(e.parameters().length);
                for (Object v : e.parameters()) {
                    switch (v) {
                        case null -> out.writeByte(0);
                        case Long l -> {
                            out.writeByte(1);
                            out.writeLong(l);
                        }
                        case Double d -> {
                            out.writeByte(2);
                            out.writeLong(Double.doubleToRawLongBits(d));
                        }
                        case String s -> {
                            byte[] text = s.getBytes(StandardCharsets.UTF_8);
                            out.writeByte(3);
                            out.writeInt(text.length);
                            out.write(text);
                        }
                        case Blob b -> {
                            byte[] blob = b.bytes();
                            out.writeByte(4);
                            out.writeInt(blob.length);
                            out.write(blob);
                        }
                        default ->
                            throw new IllegalArgumentException(
                                    "not a SQL value: " + v.getClass().getName());
                    }
                }
            }
        }
        return bytes.toByteArray();
    }

    static List<Entry> decode(byte[] payload, long lsn) throws IOException {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(payload))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IOException(
                        "commit record at LSN " + lsn + ": version " + version + " (expected " + VERSION + ")");
            }
            int count = bounded(in.readInt(), payload.length, "statement count", lsn);
            List<Entry> entries = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String sql = new String(
                        in.readNBytes(bounded(in.readInt(), payload.length, "SQL length", lsn)),
                        StandardCharsets.UTF_8);
                Object[] parameters = new Object[bounded(in.readInt(), payload.length, "parameter count", lsn)];
                for (int p = 0; p < parameters.length; p++) {
                    int tag = in.readUnsignedByte();
                    parameters[p] = switch (tag) {
                        case 0 -> null;
                        case 1 -> in.readLong();
                        case 2 -> Double.longBitsToDouble(in.readLong());
                        case 3 ->
                            new String(
                                    in.readNBytes(bounded(in.readInt(), payload.length, "text length", lsn)),
                                    StandardCharsets.UTF_8);
                        case 4 -> new Blob(in.readNBytes(bounded(in.readInt(), payload.length, "blob length", lsn)));
                        default ->
                            throw new IOException(
                                    "commit record at LSN " + lsn + ": value tag " + tag + " (expected 0 to 4)");
                    };
                }
                entries.add(new Entry(sql, parameters));
            }
            return entries;
        }
    }

    private static int bounded(int value, int limit, String what, long lsn) throws IOException {
        if (value < 0 || value > limit) {
            throw new IOException(
                    "commit record at LSN " + lsn + ": " + what + " " + value + " (expected 0 to " + limit + ")");
        }
        return value;
    }

    @Override
    public void close() throws IOException {
        wal.close();
    }
}
