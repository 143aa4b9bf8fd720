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
import org.jspecify.annotations.Nullable;

/**
 * The key directory, as of one LSN, saved to disk, so that a restart rebuilds it from keys alone instead of reading every value in
 * the log (Bitcask's hint files, as one file).
 *
 * <pre>
 * keydir.checkpoint, all integers big-endian:
 *   magic u32 0x4B564350 ("KVCP") | version u16 = 2 | reserved u16 = 0
 *   firstLsn u64     the log's first LSN when written: a later truncation (compaction) invalidates the file
 *   coveredLsn u64   the log's end when written: records from here on are replayed from the log
 *   section 1, user keys in ascending order:
 *     entry: keyLength u32 (&gt; 0) | key | lsn u64 | size i32 (-1: a list's head) | recordSize u32 | expiresAt u64
 *     end:   keyLength u32 = 0 | count u64 (the entries in the section, checked)
 *   section 2, list elements in ascending element-key order: entries as above with size &gt;= 0, then the end
 *   crc u32          CRC32C of every byte before it
 * </pre>
 *
 * <p>How it is used, and why: the store writes it when it closes, on demand, and in the background as the log to
 * replay grows past {@link KvOptions#checkpointInterval()} (see {@code Maintenance}), crash-safely, through
 * {@link DurableFiles}; on open it loads
 * it, checks it, and replays only the log records at or after {@code coveredLsn}. A checkpoint written while writers
 * run is taken at an LSN with a snapshot open: each user key is written as the snapshot sees it (its version chain
 * keeps that version), and each list element whose record lies below the LSN (elements keep no chains: one that
 * changed after the LSN is either written as it was, or left out, and replay from the LSN re-applies every change
 * after it, in order, so both come out right). The entry count is written after each section, since entries come and
 * go during the walk. A crash after a clean
 * close is still covered: the records written since are replayed. Anything wrong with the file (a bad checksum, a
 * different first LSN because a compaction deleted segments since, an end beyond the log) makes the store ignore it
 * and replay the whole log: the file is a shortcut, never the truth.
 *
 * <p>Not thread-safe: written at close and read at open, when nothing else runs.
 */
final class DirectoryCheckpoint {

    static final String FILE = "keydir.checkpoint";
    private static final int MAGIC = 0x4B564350;
    private static final short VERSION = 2;

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

    /** The checkpoint file's size in bytes, or 0 if there is none. */
    static long size(Path directory) throws IOException {
        Path file = directory.resolve(FILE);
        return Files.isRegularFile(file) ? Files.size(file) : 0;
    }

    static boolean exists(Path directory) {
        return Files.isRegularFile(directory.resolve(FILE));
    }

    /** Writes every live key of {@code keyspace}, covering the log from {@code firstLsn} to {@code coveredLsn}. */
    static void write(Path directory, Keyspace keyspace, long firstLsn, long coveredLsn) throws IOException {
        DurableFiles.replace(directory.resolve(FILE), stream -> {
            CRC32C crc = new CRC32C();
            DataOutputStream out =
                    new DataOutputStream(new BufferedOutputStream(new CheckedOutputStream(stream, crc), 1 << 16));
            out.writeInt(MAGIC);
            out.writeShort(VERSION);
            out.writeShort(0);
            out.writeLong(firstLsn);
            out.writeLong(coveredLsn);
            writeEntries(out, keyspace.users(), coveredLsn);
            writeEntries(out, keyspace.elements(), coveredLsn);
            out.flush();
            DataOutputStream trailer = new DataOutputStream(stream);
            trailer.writeInt((int) crc.getValue());
            trailer.flush();
        });
    }

    /** Writes the live versions below {@code coveredLsn} (the snapshot's view, for user keys), then the end. */
    private static void writeEntries(DataOutputStream out, KeyDirectory keys, long coveredLsn) throws IOException {
        long written = 0;
        Iterator<Map.Entry<Key, Version>> entries = keys.range(null, null);
        while (entries.hasNext()) {
            Map.Entry<Key, Version> entry = entries.next();
            if (Version.visibleAt(entry.getValue(), coveredLsn) instanceof Version.Live live) {
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
        out.writeInt(0);
        out.writeLong(written);
    }

    /**
     * Loads the checkpoint into {@code keyspace} (which must be empty), after deleting the temporary files of
     * checkpoints a crash interrupted. On any problem the directory is cleared and the
     * reason returned; the caller then replays the whole log.
     */
    static Loaded read(Path directory, Keyspace keyspace, int maxKeySize) throws IOException {
        Path file = directory.resolve(FILE);
        // A crash during a checkpoint's write leaves its temporary file; nothing will ever rename it now.
        DurableFiles.deleteAbandoned(file);
        CRC32C crc = new CRC32C();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            DataInputStream in = new DataInputStream(new CheckedInputStream(raw, crc));
            if (in.readInt() != MAGIC) {
                return reject(keyspace, "not a keel key directory checkpoint (wrong magic)");
            }
            short version = in.readShort();
            if (version != VERSION) {
                return reject(keyspace, "format version " + version + " (expected " + VERSION + ")");
            }
            in.readShort();
            long firstLsn = in.readLong();
            long coveredLsn = in.readLong();
            if (firstLsn < 0 || coveredLsn < firstLsn) {
                return reject(keyspace, "impossible header (LSNs " + firstLsn + ".." + coveredLsn + ")");
            }
            Section users = readSection(in, "key", maxKeySize, Version.Live.LIST_HEAD, firstLsn, coveredLsn);
            if (users.problem() != null) {
                return reject(keyspace, users.problem());
            }
            Section elements =
                    readSection(in, "list element", maxKeySize + ElementKey.OVERHEAD, 0, firstLsn, coveredLsn);
            if (elements.problem() != null) {
                return reject(keyspace, elements.problem());
            }
            int computed = (int) crc.getValue();
            int stored = new DataInputStream(raw).readInt();
            if (stored != computed || raw.read() != -1) {
                return reject(keyspace, "checksum mismatch or trailing bytes");
            }
            keyspace.users().loadSorted(users.keys(), users.versions());
            keyspace.elements().loadSorted(elements.keys(), elements.versions());
            return new Loaded.Used(firstLsn, coveredLsn, users.keys().size());
        } catch (NoSuchFileException e) {
            return new Loaded.Missing();
        } catch (EOFException e) {
            return reject(keyspace, "file ends early");
        }
    }

    /** The entries of one section, or what was wrong with it. */
    private record Section(
            List<Key> keys,
            List<Version> versions,
            @Nullable String problem) {
        static Section failed(String problem) {
            return new Section(List.of(), List.of(), problem);
        }
    }

    private static Section readSection(
            DataInputStream in, String what, int maxKeySize, int minSize, long firstLsn, long coveredLsn)
            throws IOException {
        List<Key> loadedKeys = new ArrayList<>();
        List<Version> loadedVersions = new ArrayList<>();
        Key previous = null;
        for (long i = 0; ; i++) {
            int keyLength = in.readInt();
            if (keyLength == 0) {
                long count = in.readLong();
                if (count != i) {
                    return Section.failed(what + " section ends claiming " + count + " entries after " + i);
                }
                break;
            }
            if (keyLength < 0 || keyLength > maxKeySize) {
                return Section.failed(what + " entry " + i + " has key length " + keyLength);
            }
            if (i >= Integer.MAX_VALUE - 8) {
                return Section.failed(what + " section has more than " + i + " entries");
            }
            byte[] key = in.readNBytes(keyLength);
            if (key.length != keyLength) {
                throw new EOFException();
            }
            long lsn = in.readLong();
            int size = in.readInt();
            int recordSize = in.readInt();
            long expiresAt = in.readLong();
            if (lsn < firstLsn || lsn >= coveredLsn || size < minSize || recordSize < size || expiresAt < 0) {
                return Section.failed(what + " entry " + i + " points outside the log it covers (LSN " + lsn + ", size "
                        + size + ")");
            }
            Key next = Key.wrap(key);
            if (previous != null && previous.compareTo(next) >= 0) {
                return Section.failed(what + " entry " + i + " is out of order");
            }
            loadedKeys.add(next);
            loadedVersions.add(new Version.Live(next, lsn, size, recordSize, expiresAt, null));
            previous = next;
        }
        return new Section(loadedKeys, loadedVersions, null);
    }

    private static Loaded reject(Keyspace keyspace, String reason) {
        keyspace.clear();
        return new Loaded.Rejected(reason);
    }
}
