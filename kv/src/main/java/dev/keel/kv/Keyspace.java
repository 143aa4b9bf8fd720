package dev.keel.kv;

import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The store's in-memory state: the key directory of user keys (strings and list heads) and the directory of list
 * elements, with the one rule that ties them together: when a list's key stops holding that list (deleted,
 * overwritten by a string, expired), its elements go from memory at once.
 *
 * <p>Why two directories rather than one with a reserved prefix: user keys are arbitrary bytes, so no prefix is
 * reserved for the store; scans, KEYS and DBSIZE see user keys only without filtering; and snapshots, which read
 * strings only, keep version chains for user keys alone (the element directory's chains are never opened).
 *
 * <p>Thread-safe as its directories are; a list's elements change only under its list key's stripe lock.
 */
final class Keyspace {

    private final KeyDirectory users;
    private final KeyDirectory elements = new KeyDirectory(new VersionChains());
    /**
     * Decoded heads of lists, each with the LSN of the head record it came from, so a push or pop onto a hot list
     * neither reads nor decodes its head (a profile of LPUSH on one key showed the value cache's puts and reads at a
     * third of the CPU). An entry is used only while the list's version still has that LSN, so a stale one (after a
     * compaction moved the head, say) is simply a miss. Entries go when their list ends.
     */
    private final ConcurrentHashMap<Key, DecodedHead> heads = new ConcurrentHashMap<>();

    private record DecodedHead(long lsn, ListHead head) {}

    Keyspace(VersionChains chains) {
        this.users = new KeyDirectory(chains);
    }

    KeyDirectory users() {
        return users;
    }

    KeyDirectory elements() {
        return elements;
    }

    KeyDirectory of(KvRecord.Kind kind) {
        return kind.userKey() ? users : elements;
    }

    /**
     * Makes {@code next} the newest version of the user key {@code key}; if that replaced a list with something else,
     * the list's elements are dropped. Returns the version it replaced.
     */
    @Nullable
    Version applyUser(Key key, Version next, int recordSize) {
        Version previous = users.apply(key, next, recordSize);
        boolean listEnds = previous instanceof Version.Live old
                && old.isListHead()
                && !(next instanceof Version.Live live && live.isListHead());
        if (listEnds) {
            dropElements(key);
        }
        return previous;
    }

    /** Drops every element of the list {@code list} from memory, writing nothing. Returns how many there were. */
    long dropElements(Key list) {
        heads.remove(list);
        return elements.removeRange(ElementKey.of(list, Long.MIN_VALUE), ElementKey.of(list, Long.MAX_VALUE));
    }

    /** Bytes of the log that hold current values, list heads and elements. */
    long liveBytes() {
        return users.liveBytes() + elements.liveBytes();
    }

    /** The decoded head of {@code list} at {@code version}, if it is cached. */
    @Nullable
    ListHead cachedHead(Key list, Version.Live version) {
        DecodedHead decoded = heads.get(list);
        return decoded != null && decoded.lsn() == version.lsn() ? decoded.head() : null;
    }

    /** Caches the head of {@code list} as written (or read) at {@code lsn}. Under the list's stripe lock. */
    void cacheHead(Key list, long lsn, ListHead head) {
        heads.put(list, new DecodedHead(lsn, head));
    }

    void clear() {
        heads.clear();
        users.clear();
        elements.clear();
    }
}
