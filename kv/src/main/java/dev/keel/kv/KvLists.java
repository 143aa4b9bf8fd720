package dev.keel.kv;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Lists of byte strings stored under the store's keys, with Redis's list semantics: push and pop at either end, read a
 * range by index, ask the length. A list exists while it has elements: popping the last one deletes the key.
 *
 * <pre>{@code
 * KvLists lists = store.lists();
 * lists.push(key, End.LEFT, a, b);        // [b, a]: each value pushed in turn, as LPUSH does
 * lists.push(key, End.RIGHT, c);          // [b, a, c]
 * lists.range(key, 0, -1);                // [b, a, c]: inclusive, negative indexes count from the end
 * lists.pop(key, End.LEFT, 1);            // [b]
 * }</pre>
 *
 * <p>How it is stored, and why: a list is a {@link ListHead} (its first and past-the-last positions) under the list's
 * own key, and one record per element under an {@link ElementKey} in a key space of its own. A push appends the new
 * elements and the new head in one atomic log batch; a pop appends the elements' deletions and the new head (or the
 * key's deletion). So every push or pop costs O(values) bytes and one group-committed append, whatever the list's
 * length, is durable before it returns (under {@code ALWAYS}), and is all or nothing across a crash. A read of index
 * {@code i} is one lookup of position {@code head + i}. Deleting or overwriting a list writes one record and drops its
 * elements from memory; their records die with their segments. Rejected: one value holding the whole list (a push
 * would rewrite it: a million pushes onto one key would write O(n^2) bytes), and a linked list on disk (a range read
 * would chase one pointer per element).
 *
 * <p>Every operation holds the list key's stripe lock, so operations on one list are linearizable; reads hold it too
 * (they see no half-applied push). Snapshots and scans do not see lists. A list's TTL ({@link KeyValueStore#expire})
 * survives pushes and pops.
 *
 * <p>Thread-safe.
 */
public final class KvLists {

    /** An end of a list. */
    public enum End {
        /** The head: index 0 (LPUSH, LPOP). */
        LEFT,
        /** The tail: index -1 (RPUSH, RPOP). */
        RIGHT
    }

    private final KeyValueStore store;
    private final Keyspace keyspace;

    KvLists(KeyValueStore store) {
        this.store = store;
        this.keyspace = store.keyspace();
    }

    /**
     * Pushes {@code values} onto {@code key}'s list at {@code end}, one after the other (so LEFT with {@code a, b}
     * leaves {@code b} first), creating the list if the key is absent. Returns the list's new length.
     *
     * @throws KvException with {@link KvException.Code#WRONG_TYPE} if the key holds a string
     * @throws IllegalArgumentException if no value is given, or a key or value is too large
     */
    public long push(byte[] key, End end, byte[]... values) throws IOException {
        Objects.requireNonNull(end, "end");
        Key list = store.checkedKey(key);
        if (values.length == 0) {
            throw new IllegalArgumentException("push needs at least one value (got 0)");
        }
        List<byte[]> copies = new ArrayList<>(values.length);
        for (byte[] value : values) {
            store.checkValue(value);
            copies.add(value.clone());
        }
        return store.write(list, () -> {
            long now = store.nowMillis();
            Version newest = keyspace.users().newest(list);
            Version.Live current = KeyDirectory.liveAt(newest, Long.MAX_VALUE, now);
            if (current == null && newest instanceof Version.Live expired && expired.isListHead()) {
                keyspace.dropElements(list); // an expired list: a push starts a new one
            }
            ListHead head = current == null ? ListHead.EMPTY : headOf(list, current);
            long expiresAt = current == null ? 0 : current.expiresAtMillis();
            List<Key> elementKeys = new ArrayList<>(copies.size());
            List<byte[]> payloads = new ArrayList<>(copies.size() + 1);
            long first = head.head();
            long last = head.tail();
            for (byte[] value : copies) {
                long position = end == End.LEFT ? first = Math.subtractExact(first, 1) : last++;
                Key element = ElementKey.of(list, position);
                elementKeys.add(element);
                payloads.add(KvRecord.encodePut(element, value, 0, KvRecord.Kind.LIST_ELEMENT));
            }
            if (last < head.tail()) {
                throw new ArithmeticException("list " + list + " cannot grow past position " + Long.MAX_VALUE);
            }
            ListHead next = new ListHead(first, last);
            byte[] encoded = next.encode();
            payloads.add(KvRecord.encodePut(list, encoded, expiresAt, KvRecord.Kind.LIST_HEAD));
            long[] lsns = store.log().appendBatch(payloads);
            for (int i = 0; i < elementKeys.size(); i++) {
                int size = payloads.get(i).length;
                store.values()
                        .remember(
                                elementKeys.get(i),
                                lsns[i],
                                copies.get(i)); // pops and LRANGE read new elements soonest
                keyspace.elements()
                        .apply(
                                elementKeys.get(i),
                                new Version.Live(elementKeys.get(i), lsns[i], copies.get(i).length, size, 0, null),
                                size);
            }
            applyHead(list, next, expiresAt, lsns[lsns.length - 1], payloads.getLast().length);
            return next.length();
        });
    }

    /**
     * Removes and returns up to {@code count} values from {@code end} of {@code key}'s list, in the order they were
     * removed; empty if the key is absent. Popping the last element deletes the key.
     *
     * @throws KvException with {@link KvException.Code#WRONG_TYPE} if the key holds a string
     * @throws IllegalArgumentException if {@code count} is not positive
     */
    public List<byte[]> pop(byte[] key, End end, long count) throws IOException {
        Objects.requireNonNull(end, "end");
        if (count <= 0) {
            throw new IllegalArgumentException("count (" + count + ") must be positive");
        }
        Key list = store.checkedKey(key);
        return store.write(list, () -> {
            Version.Live current = keyspace.users().current(list, store.nowMillis());
            if (current == null) {
                return List.of();
            }
            ListHead head = headOf(list, current);
            int n = (int) Math.min(count, Math.min(head.length(), Integer.MAX_VALUE - 8));
            List<Key> elementKeys = new ArrayList<>(n);
            List<byte[]> popped = new ArrayList<>(n);
            List<byte[]> payloads = new ArrayList<>(n + 1);
            for (int i = 0; i < n; i++) {
                long position = end == End.LEFT ? head.head() + i : head.tail() - 1 - i;
                Key element = ElementKey.of(list, position);
                elementKeys.add(element);
                popped.add(readElement(list, element));
                payloads.add(KvRecord.encodeDelete(element, KvRecord.Kind.LIST_ELEMENT));
            }
            ListHead next = end == End.LEFT
                    ? new ListHead(head.head() + n, head.tail())
                    : new ListHead(head.head(), head.tail() - n);
            byte[] encoded = next.encode();
            payloads.add(
                    next.length() == 0
                            ? KvRecord.encodeDelete(list)
                            : KvRecord.encodePut(list, encoded, current.expiresAtMillis(), KvRecord.Kind.LIST_HEAD));
            long[] lsns = store.log().appendBatch(payloads);
            for (int i = 0; i < n; i++) {
                store.values().forget(elementKeys.get(i));
                keyspace.elements()
                        .apply(
                                elementKeys.get(i),
                                new Version.Deleted(elementKeys.get(i), lsns[i], null),
                                payloads.get(i).length);
            }
            long headLsn = lsns[lsns.length - 1];
            int headSize = payloads.getLast().length;
            if (next.length() == 0) {
                keyspace.applyUser(list, new Version.Deleted(list, headLsn, null), headSize);
            } else {
                applyHead(list, next, current.expiresAtMillis(), headLsn, headSize);
            }
            return popped;
        });
    }

    /**
     * The values of {@code key}'s list from index {@code start} to {@code stop}, both inclusive; a negative index
     * counts from the end (-1 is the last). Out-of-range indexes are clamped, as LRANGE does; empty if the key is
     * absent.
     *
     * @throws KvException with {@link KvException.Code#WRONG_TYPE} if the key holds a string
     */
    public List<byte[]> range(byte[] key, long start, long stop) throws IOException {
        Key list = store.checkedKey(key);
        store.checkOpen();
        return store.locks().read(list, () -> {
            Version.Live current = keyspace.users().current(list, store.nowMillis());
            if (current == null) {
                return List.of();
            }
            ListHead head = headOf(list, current);
            long length = head.length();
            long from = start < 0 ? Math.max(0, length + start) : start;
            long to = Math.min(length - 1, stop < 0 ? length + stop : stop);
            if (from > to) {
                return List.of();
            }
            // One walk along the sorted element directory, not a lookup per index.
            List<byte[]> values = new ArrayList<>((int) Math.min(to - from + 1, 1 << 16));
            long expected = head.head() + from;
            Iterator<Map.Entry<Key, Version>> elements = keyspace.elements()
                    .rangeClosed(ElementKey.of(list, expected), ElementKey.of(list, head.head() + to));
            while (elements.hasNext()) {
                Map.Entry<Key, Version> entry = elements.next();
                if (ElementKey.positionOf(entry.getKey()) != expected
                        || !(entry.getValue() instanceof Version.Live live)) {
                    break;
                }
                values.add(store.values().read(entry.getKey(), live, KvRecord.Kind.LIST_ELEMENT));
                expected++;
            }
            if (expected != head.head() + to + 1) {
                readElement(list, ElementKey.of(list, expected)); // throws, naming the missing position
            }
            return values;
        });
    }

    /**
     * The number of values in {@code key}'s list; 0 if the key is absent.
     *
     * @throws KvException with {@link KvException.Code#WRONG_TYPE} if the key holds a string
     */
    public long length(byte[] key) throws IOException {
        Key list = store.checkedKey(key);
        store.checkOpen();
        return store.locks().read(list, () -> {
            Version.Live current = keyspace.users().current(list, store.nowMillis());
            return current == null ? 0 : headOf(list, current).length();
        });
    }

    private ListHead headOf(Key list, Version.Live current) throws IOException {
        if (!current.isListHead()) {
            throw KeyValueStore.wrongType(list, ValueType.STRING);
        }
        ListHead cached = keyspace.cachedHead(list, current);
        if (cached != null) {
            return cached;
        }
        ListHead head = ListHead.decode(store.values().read(list, current, KvRecord.Kind.LIST_HEAD), list);
        keyspace.cacheHead(list, current.lsn(), head);
        return head;
    }

    private byte[] readElement(Key list, Key element) throws IOException {
        if (!(keyspace.elements().newest(element) instanceof Version.Live live)) {
            throw new KvException(
                    KvException.Code.CORRUPT_RECORD,
                    "list " + list + " has no element at position " + ElementKey.positionOf(element)
                            + ", inside its head and tail");
        }
        return store.values().read(element, live, KvRecord.Kind.LIST_ELEMENT);
    }

    private void applyHead(Key list, ListHead head, long expiresAt, long lsn, int recordSize) {
        keyspace.cacheHead(list, lsn, head);
        keyspace.applyUser(
                list, new Version.Live(list, lsn, Version.Live.LIST_HEAD, recordSize, expiresAt, null), recordSize);
    }
}
