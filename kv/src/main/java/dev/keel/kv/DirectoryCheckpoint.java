package dev.keel.kv;

import dev.keel.storage.DurableFiles;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The key directory saved to disk, so that a restart rebuilds it from keys alone instead of reading every value in
 * the log (Bitcask's hint files, as one file).
 *
 * <pre>
 * keydir.checkpoint, all integers big-endian:
 *   magic u32 0x4B564350 ("KVCP") | version u16 = 1 | reserved u16 = 0
 *   firstLsn u64     the log's first LSN when written: a later truncation (compaction) invalidates the file
 *   coveredLsn u64   the log's end when written: records from here on are replayed from the log
 *   count u64        entries that follow
 *   entry: keyLength u32 | key | lsn u64 | size u32 | recordSize u32 | expiresAt u64
 *   crc u32          CRC32C of every byte before it
 * </pre>
 *
 * <p>How it is used, and why: the store writes it when it closes (crash-safely, through {@link DurableFiles}); on
 * open it loads it, checks it, and replays only the log records at or after {@code coveredLsn}. A crash after a clean
 * close is still covered: the records written since are replayed. Anything wrong with the file (a bad checksum, a
 * different first LSN because a compaction deleted segments since, an end beyond the log) makes the store ignore it
 * and replay the whole log: the file is a shortcut, never the truth.
 *
 * <p>Not thread-safe: written at close and read at open, when nothing else runs.
 */
final class DirectoryCheckpoint {

    static final String FILE = "keydir.checkpoint";
    private static final int MAGIC = 0x4B564350;
    private static final short VERSION = 1;

    /** What loading found: the covered range and the entries loaded, or why the file was not used. */
    sealed interface Loaded {
        /** Loaded; replay the log from {@code coveredLsn}. */
        record Used(long firstLsn, long coveredLsn, long entries) implements Loaded {}

        /** Not used, and why (the directory was left empty). */
        record Rejected(String reason) implements Loaded {}

        /** There is no checkpoint file. */
        record Missing() implements Loaded {}
    }

    private DirectoryCheckpoint() {}

    static boolean exists(Path directory) {
        return Files.isRegularFile(directory.resolve(FILE));
    }

    /** Writes every live key of {@code keys}, covering the log from {@code firstLsn} to {@code coveredLsn}. */
    static void write(Path directory, KeyDirectory keys, long firstLsn, long coveredLsn) throws IOException {
        DurableFiles.replace(directory.resolve(FILE), stream -> {
            CRC32C crc = new CRC32C();
            DataOutputStream out =
                    new DataOutputStream(new BufferedOutputStream(new CheckedOutputStream(stream, crc), 1 << 16));
            out.writeInt(MAGIC);
            out.writeShort(VERSION);
            out.writeShort(0);
            out.writeLong(firstLsn);
            out.writeLong(coveredLsn);
            out.writeLong(keys.liveKeys());
            long written = 0;
            Iterator<Map.Entry<Key, Version>> entries = keys.range(null, null);
            while (entries.hasNext()) {
                Map.Entry<Key, Version> entry = entries.next();
                if (entry.getValue() instanceof Version.Live live) {
                    byte[] key = entry.getKey().unsafeBytes();
                    out.writeInt(key.length);
                    out.write(key);
                    out.writeLong(live.lsn());
                    out.writeInt(live.size());
                    out.writeInt(live.recordSize());
                    out.writeLong(live.expiresAtMillis());
                    written++;
                }
            }
            if (written != keys.liveKeys()) {
                throw new IOException("key directory changed while it was checkpointed (" + written + " entries, "
                        + keys.liveKeys() + " counted)");
            }
            out.flush();
            DataOutputStream trailer = new DataOutputStream(stream);
            trailer.writeInt((int) crc.getValue());
            trailer.flush();
        });
    }

    /**
     * Loads the checkpoint into {@code keys} (which must be empty). On any problem the directory is cleared and the
     * reason returned; the caller then replays the whole log.
     */
    static Loaded read(Path directory, KeyDirectory keys, int maxKeySize) throws IOException {
        Path file = directory.resolve(FILE);
        CRC32C crc = new CRC32C();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            DataInputStream in = new DataInputStream(new CheckedInputStream(raw, crc));
            if (in.readInt() != MAGIC) {
                return reject(keys, "not a keel key directory checkpoint (wrong magic)");
            }
            short version = in.readShort();
            if (version != VERSION) {
                return reject(keys, "format version " + version + " (expected " + VERSION + ")");
            }
            in.readShort();
            long firstLsn = in.readLong();
            long coveredLsn = in.readLong();
            long count = in.readLong();
            if (count < 0 || count > Integer.MAX_VALUE - 8 || firstLsn < 0 || coveredLsn < firstLsn) {
                return reject(
                        keys, "impossible header (count " + count + ", LSNs " + firstLsn + ".." + coveredLsn + ")");
            }
            List<Key> loadedKeys = new ArrayList<>((int) Math.min(count, 1 << 20));
            List<Version> loadedVersions = new ArrayList<>((int) Math.min(count, 1 << 20));
            Key previous = null;
            for (long i = 0; i < count; i++) {
                int keyLength = in.readInt();
                if (keyLength <= 0 || keyLength > maxKeySize) {
                    return reject(keys, "entry " + i + " has key length " + keyLength);
                }
                byte[] key = in.readNBytes(keyLength);
                if (key.length != keyLength) {
                    return reject(keys, "file ends inside entry " + i);
                }
                long lsn = in.readLong();
                int size = in.readInt();
                int recordSize = in.readInt();
                long expiresAt = in.readLong();
                if (lsn < firstLsn || lsn >= coveredLsn || size < 0 || recordSize < size) {
                    return reject(keys, "entry " + i + " points outside the log it covers (LSN " + lsn + ")");
                }
                Key next = Key.wrap(key);
                if (previous != null && previous.compareTo(next) >= 0) {
                    return reject(keys, "entry " + i + " is out of order");
                }
                loadedKeys.add(next);
                loadedVersions.add(new Version.Live(lsn, size, recordSize, expiresAt, null));
                previous = next;
            }
            int computed = (int) crc.getValue();
            int stored = new DataInputStream(raw).readInt();
            if (stored != computed || raw.read() != -1) {
                return reject(keys, "checksum mismatch or trailing bytes");
            }
            keys.loadSorted(loadedKeys, loadedVersions);
            return new Loaded.Used(firstLsn, coveredLsn, count);
        } catch (NoSuchFileException e) {
            return new Loaded.Missing();
        } catch (EOFException e) {
            return reject(keys, "file ends early");
        }
    }

    private static Loaded reject(KeyDirectory keys, String reason) {
        keys.clear();
        return new Loaded.Rejected(reason);
    }
}
