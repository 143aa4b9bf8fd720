package dev.keel.kv;

import dev.keel.storage.LogReader;
import dev.keel.storage.LogRecord;
import dev.keel.storage.WriteAheadLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Rebuilds the store's in-memory state when it opens: from the checkpoint and the log after it if the checkpoint is
 * good, else from the whole log; then drops list elements that no list can read any more.
 *
 * <p>How replay decides, and why: records are applied in LSN order, exactly as writers applied them, so the result is
 * the state writers last saw. A COPY (compaction's) counts only if no write to the key came between its source and
 * it: the key still points at the source, or the source was truncated away and this replay has seen nothing of the
 * key since. Elements of a deleted list are dropped from memory without a record of their own (deleting a list of a
 * million elements writes one record), so after replay a sweep removes every element whose list is gone or whose
 * position lies outside its list's head and tail: one range check per list.
 *
 * <p>Not thread-safe: runs once, before the store is shared.
 */
final class StoreRecovery {

    private final KvOptions options;
    private final WriteAheadLog log;
    private final Keyspace keyspace;
    private final ValueReader values;

    StoreRecovery(KvOptions options, WriteAheadLog log, Keyspace keyspace, ValueReader values) {
        this.options = options;
        this.log = log;
        this.keyspace = keyspace;
        this.values = values;
    }

    /** How opening went: what it did (for {@code stats().startup()}) and the LSN its checkpoint covered (or 0). */
    record Outcome(String description, long checkpointLsn) {}

    /** Rebuilds the key directories. */
    Outcome run() throws IOException {
        long from = log.firstLsn();
        long checkpointLsn = 0;
        String source;
        switch (DirectoryCheckpoint.read(options.directory(), keyspace, options.maxKeySize())) {
            case DirectoryCheckpoint.Loaded.Used used
            when used.firstLsn() == log.firstLsn() && used.coveredLsn() <= log.endLsn() -> {
                from = used.coveredLsn();
                checkpointLsn = used.coveredLsn();
                source = "loaded " + used.entries() + " keys from the checkpoint at LSN " + used.coveredLsn();
            }
            case DirectoryCheckpoint.Loaded.Used used -> {
                keyspace.clear();
                source = "ignored the checkpoint (it covers LSNs " + used.firstLsn() + ".." + used.coveredLsn()
                        + ", the log is now " + log.firstLsn() + ".." + log.endLsn() + ")";
            }
            case DirectoryCheckpoint.Loaded.Rejected rejected ->
                source = "ignored the checkpoint (" + rejected.reason() + ")";
            case DirectoryCheckpoint.Loaded.Missing missing -> source = "no checkpoint";
        }
        long replayed = replay(from);
        long swept = sweepElements();
        return new Outcome(
                source + "; replayed " + replayed + " log records"
                        + (swept == 0 ? "" : "; dropped " + swept + " elements of deleted lists"),
                checkpointLsn);
    }

    private long replay(long from) throws IOException {
        long replayed = 0;
        Set<Key> deletedUsers = new HashSet<>();
        Set<Key> deletedElements = new HashSet<>();
        try (LogReader reader = log.reader(from)) {
            while (reader.hasNext()) {
                LogRecord record = reader.next();
                long lsn = record.lsn();
                int size = record.payload().length;
                switch (KvRecord.decode(record.payload(), lsn, options.maxKeySize())) {
                    case KvRecord.Put put ->
                        apply(put.key(), put.kind(), live(put.key(), lsn, put.value(), size, put), size);
                    case KvRecord.Delete delete -> {
                        apply(delete.key(), delete.kind(), new Version.Deleted(delete.key(), lsn, null), size);
                        (delete.kind().userKey() ? deletedUsers : deletedElements).add(delete.key());
                    }
                    case KvRecord.Copy copy -> {
                        Set<Key> deleted = copy.kind().userKey() ? deletedUsers : deletedElements;
                        Version current = keyspace.of(copy.kind()).newest(copy.key());
                        boolean applies = current instanceof Version.Live copied
                                ? copied.lsn() == copy.sourceLsn()
                                : current == null && copy.sourceLsn() < from && !deleted.contains(copy.key());
                        if (applies) {
                            apply(copy.key(), copy.kind(), live(copy.key(), lsn, copy.value(), size, copy), size);
                        }
                    }
                }
                replayed++;
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return replayed;
    }

    private void apply(Key key, KvRecord.Kind kind, Version version, int size) {
        if (kind.userKey()) {
            keyspace.applyUser(key, version, size);
        } else {
            keyspace.elements().recover(key, version, size);
        }
    }

    private static Version.Live live(Key key, long lsn, byte[] value, int recordSize, KvRecord record) {
        long expiresAt = switch (record) {
            case KvRecord.Put put -> put.expiresAtMillis();
            case KvRecord.Copy copy -> copy.expiresAtMillis();
            case KvRecord.Delete delete -> throw new IllegalArgumentException("a DELETE has no value: " + delete);
        };
        int size = record.kind() == KvRecord.Kind.LIST_HEAD ? Version.Live.LIST_HEAD : value.length;
        return new Version.Live(key, lsn, size, recordSize, expiresAt, null);
    }

    /** Drops elements whose list is gone or that lie outside their list; returns how many. */
    private long sweepElements() throws IOException {
        List<Map.Entry<Key, Version>> dead = new ArrayList<>();
        @Nullable Key list = null;
        @Nullable ListHead head = null;
        Iterator<Map.Entry<Key, Version>> elements = keyspace.elements().range(null, null);
        while (elements.hasNext()) {
            Map.Entry<Key, Version> entry = elements.next();
            Key element = entry.getKey();
            if (!ElementKey.isWellFormed(element.unsafeBytes())) {
                throw new KvException(KvException.Code.CORRUPT_RECORD, "malformed list element key " + element);
            }
            Key owner = ElementKey.listOf(element);
            if (!owner.equals(list)) {
                list = owner;
                head = headOf(owner);
            }
            if (head == null || !head.contains(ElementKey.positionOf(element))) {
                dead.add(entry);
            }
        }
        for (Map.Entry<Key, Version> entry : dead) {
            keyspace.elements().dropIf(entry.getKey(), (Version.Live) entry.getValue());
        }
        return dead.size();
    }

    private @Nullable ListHead headOf(Key list) throws IOException {
        return keyspace.users().newest(list) instanceof Version.Live live && live.isListHead()
                ? ListHead.decode(values.read(list, live, KvRecord.Kind.LIST_HEAD), list)
                : null;
    }
}
