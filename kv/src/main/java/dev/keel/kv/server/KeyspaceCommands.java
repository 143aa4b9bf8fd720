package dev.keel.kv.server;

import dev.keel.kv.KeyValueStore;
import dev.keel.kv.ValueType;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Runs the commands on keys: DEL, EXISTS, EXPIRE, TTL, PERSIST, TYPE, KEYS, SCAN, DBSIZE, FLUSHDB.
 *
 * <p>How it is designed, and why: the store keeps its keys sorted, so KEYS and SCAN read only the range a pattern's
 * literal prefix allows ({@code user:*} reads the {@code user:} keys, not the keyspace), and SCAN resumes by key
 * ({@link ScanCursors}) rather than by position. Each command is one store call per key, so it is atomic per key,
 * not across keys: DEL of many keys deletes them one by one (a reader may see some gone and not others), where
 * Redis, single-threaded, deletes them at once; FLUSHDB is the store's {@code clear()}, atomic batch by batch, and a
 * write racing it may survive it. DBSIZE is the store's O(1) key count, which like Redis's
 * counts keys that expired and have not yet been removed.
 *
 * <p>Thread-safe: holds no state of its own beyond the thread-safe store and cursor table.
 */
final class KeyspaceCommands {

    private static final byte[] NO_KEY = new byte[0];

    private final KeyValueStore store;
    private final StoreLimits limits;
    private final ScanCursors cursors;
    private final InstantSource clock;
    /** Greater than every key the store can hold (0xFF, one byte longer than the longest key): an open range end. */
    private final byte[] pastLastKey;

    KeyspaceCommands(KeyValueStore store, StoreLimits limits, ScanCursors cursors) {
        this.store = store;
        this.limits = limits;
        this.cursors = cursors;
        this.clock = store.options().clock();
        this.pastLastKey = new byte[store.options().maxKeySize() + 1];
        Arrays.fill(pastLastKey, (byte) 0xFF);
    }

    Reply execute(KeyspaceCommand command) throws IOException, CommandException {
        return switch (command) {
            case KeyspaceCommand.Del del -> del(del.keys());
            case KeyspaceCommand.Exists exists -> exists(exists.keys());
            case KeyspaceCommand.Expire expire -> expire(expire);
            case KeyspaceCommand.Ttl ttl -> ttl(ttl.key(), ttl.inMillis());
            case KeyspaceCommand.Persist persist ->
                limits.canHold(persist.key()) && store.persist(persist.key()) ? Reply.ONE : Reply.ZERO;
            case KeyspaceCommand.Type type ->
                new Reply.Simple(
                        limits.canHold(type.key())
                                ? store.type(type.key()).name().toLowerCase(Locale.ROOT)
                                : "none");
            case KeyspaceCommand.Keys keys -> keys(keys.pattern());
            case KeyspaceCommand.Scan scan -> scan(scan);
            case KeyspaceCommand.DbSize _ -> new Reply.Int(store.stats().keys());
            case KeyspaceCommand.FlushDb _ -> flush();
        };
    }

    private Reply del(List<byte[]> keys) throws IOException {
        long deleted = 0;
        for (byte[] key : keys) {
            if (limits.canHold(key) && store.delete(key)) {
                deleted++;
            }
        }
        return new Reply.Int(deleted);
    }

    private Reply exists(List<byte[]> keys) {
        long present = 0;
        for (byte[] key : keys) {
            if (limits.canHold(key) && store.contains(key)) {
                present++;
            }
        }
        return new Reply.Int(present);
    }

    /** Redis's order: an overflowing time is an error even for a missing key; a time in the past deletes. */
    private Reply expire(KeyspaceCommand.Expire expire) throws IOException, CommandException {
        byte[] key = expire.key();
        long millis = expire.millis();
        if (millis > 0 && millis > Long.MAX_VALUE - clock.millis()) {
            throw CommandException.invalidExpireTime(expire.command());
        }
        if (!limits.canHold(key)) {
            return Reply.ZERO;
        }
        if (millis <= 0) {
            return store.delete(key) ? Reply.ONE : Reply.ZERO;
        }
        try {
            return store.expire(key, Duration.ofMillis(millis)) ? Reply.ONE : Reply.ZERO;
        } catch (ArithmeticException e) {
            throw CommandException.invalidExpireTime(expire.command()); // the clock moved past the check above
        }
    }

    /** -2 missing, -1 no TTL, else the time left: rounded to the nearest second for TTL, as Redis does. */
    private Reply ttl(byte[] key, boolean inMillis) {
        if (!limits.canHold(key)) {
            return new Reply.Int(-2);
        }
        Optional<Instant> expiresAt = store.expiresAt(key);
        if (expiresAt.isEmpty()) {
            return new Reply.Int(store.contains(key) ? -1 : -2);
        }
        long left = expiresAt.get().toEpochMilli() - clock.millis();
        if (left <= 0) {
            return new Reply.Int(-2);
        }
        return new Reply.Int(inMillis ? left : (left + 500) / 1000);
    }

    private Reply keys(GlobPattern pattern) {
        List<Reply> found = new ArrayList<>();
        if (pattern.isLiteral()) {
            byte[] key = pattern.literalPrefix();
            if (limits.canHold(key) && store.contains(key)) {
                found.add(new Reply.Bulk(key));
            }
            return new Reply.Array(found);
        }
        try (Stream<byte[]> keys = store.keysWithPrefix(pattern.literalPrefix())) {
            keys.filter(pattern::matches).forEach(key -> found.add(new Reply.Bulk(key)));
        }
        return new Reply.Array(found);
    }

    /**
     * Looks at up to COUNT keys from the cursor's resume key, within the range the pattern's prefix allows, and replies
     * with the next cursor (0 when the range is done) and the keys that match.
     */
    private Reply scan(KeyspaceCommand.Scan scan) throws CommandException {
        byte[] from = NO_KEY;
        if (scan.cursor() != 0) {
            byte @Nullable [] resume = cursors.resumeKey(scan.cursor());
            if (resume == null) {
                throw new CommandException("ERR invalid cursor");
            }
            from = resume;
        }
        GlobPattern match = scan.match();
        @Nullable ValueType type = scan.type() == null ? null : typeNamed(scan.type());
        if (type == ValueType.NONE) {
            return scanReply(0, List.of()); // a type no key here can hold (hash, set ...)
        }
        byte[] prefix = match == null ? NO_KEY : match.literalPrefix();
        byte[] start = Arrays.compareUnsigned(from, prefix) < 0 ? prefix : from;
        byte @Nullable [] prefixEnd = successorOfPrefix(prefix);
        byte[] end = prefixEnd == null ? pastLastKey : prefixEnd;
        List<Reply> found = new ArrayList<>();
        long next = 0;
        try (Stream<byte[]> keys = store.keys(start, end)) {
            Iterator<byte[]> entries = keys.iterator();
            long examined = 0;
            byte[] last = NO_KEY;
            while (examined < scan.count() && entries.hasNext()) {
                last = entries.next();
                examined++;
                if ((match == null || match.matches(last)) && (type == null || store.type(last) == type)) {
                    found.add(new Reply.Bulk(last));
                }
            }
            if (entries.hasNext()) {
                next = cursors.issue(Arrays.copyOf(last, last.length + 1)); // the least key after the last one
            }
        }
        return scanReply(next, found);
    }

    /** The type SCAN's TYPE option names; NONE for a type no key here can hold (hash, set ...). */
    private static @Nullable ValueType typeNamed(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "string" -> ValueType.STRING;
            case "list" -> ValueType.LIST;
            default -> ValueType.NONE;
        };
    }

    private static Reply scanReply(long cursor, List<Reply> keys) {
        return new Reply.Array(List.of(Reply.bulk(Long.toUnsignedString(cursor)), new Reply.Array(keys)));
    }

    /** The least key greater than every key starting with {@code prefix}, or null if there is none (or no prefix). */
    private static byte @Nullable [] successorOfPrefix(byte[] prefix) {
        for (int i = prefix.length - 1; i >= 0; i--) {
            if (prefix[i] != (byte) 0xFF) {
                byte[] successor = Arrays.copyOf(prefix, i + 1);
                successor[i]++;
                return successor;
            }
        }
        return null;
    }

    private Reply flush() throws IOException {
        store.clear();
        return Reply.OK;
    }
}
