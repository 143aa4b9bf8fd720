package dev.keel.kv;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One compaction of the store: copy every live record out of the sealed segments to the head of the log, then delete
 * those segments.
 *
 * <p>How it is designed, and why: the log can only lose whole segments from its front ({@code truncateBefore}), so a
 * compaction takes the sealed prefix (everything below the active segment's base, the <em>cutoff</em>), re-appends
 * the current value of every key whose newest record lies below the cutoff as a COPY record naming the LSN it copies,
 * and then deletes the prefix. It holds no lock while it reads values or appends, so no writer ever waits on its I/O
 * (a first version held the keys' stripe locks through the append and its fsync, and writers stalled for whole
 * benchmark iterations). Instead a copy takes effect only if the key still points at its source, both in memory (a
 * check under the stripe lock, no I/O) and at replay (the COPY record's rule), so a user's write that lands between
 * the read and the append always wins. Reads and writes continue throughout; a read that raced with the deletion of
 * its segment looks the key up again.
 *
 * <p>Crash-safe at every step without any state of its own: a crash during the copy leaves COPY records that replay
 * applies or ignores by that rule; the copies are forced before the prefix is deleted (under every sync policy), so a
 * crash after the deletion finds them (replay applies a copy whose source was deleted if nothing touched the key
 * since). Expired keys are dropped rather than copied, so their records disappear with the prefix. If a snapshot is
 * open, the prefix is kept (a snapshot may read any old version) and the next compaction deletes it.
 *
 * <p>Lists: user keys go first (a list's head is copied like a value; an expired list's head is dropped with its
 * elements), then list elements, each under its list's stripe: an element is copied only while its list still holds
 * its position, so the elements of deleted lists (dropped from memory, but still in the log) are not carried forward.
 *
 * <p>Not thread-safe: the store runs one compaction at a time.
 */
final class Compaction {

    /** Keys copied per append: large enough to share forces, small enough to hold few stripes at once. */
    static final int BATCH = 256;

    private final KeyValueStore store;
    private final Keyspace keyspace;
    private long copied;
    private long dropped;

    Compaction(KeyValueStore store) {
        this.store = store;
        this.keyspace = store.keyspace();
    }

    CompactionReport run() throws IOException {
        List<Long> bases = store.log().segmentBases();
        long before = store.logBytes();
        if (bases.size() < 2) {
            return CompactionReport.nothingToDo(before);
        }
        long cutoff = bases.getLast();
        copySealed(keyspace.users(), cutoff);
        copySealed(keyspace.elements(), cutoff);
        if (store.openSnapshots() > 0) {
            return new CompactionReport(copied, dropped, 0, before, store.logBytes(), true);
        }
        // The copies must be on disk before the originals go, whatever the sync policy: under NONE or INTERVAL they
        // may still be in the page cache, and a power cut after the deletion would lose both.
        store.log().sync();
        int deleted = store.log().truncateBefore(cutoff);
        return new CompactionReport(copied, dropped, deleted, before, store.logBytes(), false);
    }

    private void copySealed(KeyDirectory directory, long cutoff) throws IOException {
        boolean elements = directory == keyspace.elements();
        List<Key> batch = new ArrayList<>(BATCH);
        Iterator<Map.Entry<Key, Version>> keys = directory.range(null, null);
        while (keys.hasNext()) {
            Map.Entry<Key, Version> entry = keys.next();
            if (entry.getValue().lsn() < cutoff) {
                batch.add(entry.getKey());
            }
            if (batch.size() == BATCH || (!keys.hasNext() && !batch.isEmpty())) {
                if (elements) {
                    copyElements(batch, cutoff);
                } else {
                    copyUserKeys(batch, cutoff);
                }
                batch.clear();
            }
        }
    }

    /** One copy to append: the key, the version it copies, the record. */
    private record Planned(Key key, Key stripe, Version.Live source, byte[] payload) {}

    /**
     * Re-appends the current value of each of {@code keys} whose newest record still lies below {@code cutoff}.
     * Expired keys are dropped when no snapshot could read them (an expired list with its elements).
     */
    private void copyUserKeys(List<Key> keys, long cutoff) throws IOException {
        long now = store.nowMillis();
        List<Planned> planned = new ArrayList<>();
        for (Key key : keys) {
            if (!(keyspace.users().newest(key) instanceof Version.Live live) || live.lsn() >= cutoff) {
                continue;
            }
            if (live.isExpiredAt(now) && store.openSnapshots() == 0) {
                boolean gone = store.locks().underStripe(key, () -> {
                    if (!keyspace.users().dropIf(key, live)) {
                        return false;
                    }
                    if (live.isListHead()) {
                        keyspace.dropElements(key);
                    }
                    return true;
                });
                dropped += gone ? 1 : 0;
                continue;
            }
            KvRecord.Kind kind = live.isListHead() ? KvRecord.Kind.LIST_HEAD : KvRecord.Kind.VALUE;
            byte[] value = store.values().read(key, live, kind);
            planned.add(new Planned(
                    key, key, live, KvRecord.encodeCopy(key, live.lsn(), value, live.expiresAtMillis(), kind)));
        }
        append(keyspace.users(), planned);
    }

    /**
     * Re-appends each element of {@code keys} below {@code cutoff} whose list still holds its position; drops the
     * others from memory (their lists were deleted or have moved past them).
     */
    private void copyElements(List<Key> keys, long cutoff) throws IOException {
        KeyDirectory elements = keyspace.elements();
        Map<Key, HeadSeen> heads = new HashMap<>();
        List<Planned> planned = new ArrayList<>();
        for (Key key : keys) {
            if (!(elements.newest(key) instanceof Version.Live live) || live.lsn() >= cutoff) {
                continue;
            }
            Key list = ElementKey.listOf(key);
            HeadSeen seen = heads.get(list);
            if (seen == null) {
                seen = headOf(list);
                heads.put(list, seen);
            }
            if (!seen.holds(key)) {
                // Dropped only if the list has not changed since its head was read (a push may have re-created it).
                HeadSeen read = seen;
                boolean gone = store.locks()
                        .underStripe(
                                list,
                                () -> keyspace.users().newest(list) == read.version() && elements.dropIf(key, live));
                dropped += gone ? 1 : 0;
                continue;
            }
            byte[] value = store.values().read(key, live, KvRecord.Kind.LIST_ELEMENT);
            planned.add(new Planned(
                    key, list, live, KvRecord.encodeCopy(key, live.lsn(), value, 0, KvRecord.Kind.LIST_ELEMENT)));
        }
        append(elements, planned);
    }

    /** A list's head as read, with the directory version it was read from (null head: the key holds no list). */
    private record HeadSeen(
            @Nullable Version version, @Nullable ListHead head) {
        boolean holds(Key element) {
            return head != null && head.contains(ElementKey.positionOf(element));
        }
    }

    private HeadSeen headOf(Key list) throws IOException {
        Version version = keyspace.users().newest(list);
        ListHead head = version instanceof Version.Live live && live.isListHead()
                ? ListHead.decode(store.values().read(list, live, KvRecord.Kind.LIST_HEAD), list)
                : null;
        return new HeadSeen(version, head);
    }

    /**
     * Appends the copies in one log batch, holding no lock, then points each key at its copy if it still points where
     * the copy came from (a user's write that landed meanwhile wins, as replay will agree).
     */
    private void append(KeyDirectory directory, List<Planned> planned) throws IOException {
        if (planned.isEmpty()) {
            return;
        }
        store.checkOpen();
        List<byte[]> payloads = new ArrayList<>(planned.size());
        for (Planned copy : planned) {
            payloads.add(copy.payload());
        }
        long[] lsns = store.log().appendBatch(payloads);
        for (int i = 0; i < lsns.length; i++) {
            Planned copy = planned.get(i);
            Version.Live source = copy.source();
            int size = copy.payload().length;
            Version.Live moved = source.movedTo(lsns[i], size);
            boolean applied = store.locks().underStripe(copy.stripe(), () -> {
                if (!(directory.newest(copy.key()) instanceof Version.Live current) || current.lsn() != source.lsn()) {
                    return false;
                }
                directory.apply(copy.key(), moved, size);
                return true;
            });
            copied += applied ? 1 : 0;
        }
    }
}
