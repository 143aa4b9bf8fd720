package dev.keel.kv.server;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * SCAN's cursors: each is a number standing for the key the next page starts from.
 *
 * <p>How it is designed, and why: the store is ordered, so a scan resumes at a key, and walking the keys in order from
 * there returns every key that exists for the whole scan exactly once (Redis's hash-table cursor can repeat keys; this
 * cannot). The obvious cursor is the key itself, but clients parse cursors as unsigned 64-bit decimals (redis-cli's
 * {@code strtoull}, redis-py's {@code int()}), so a cursor must be a number; a key does not fit in one. So the server
 * keeps the resume keys in a table shared by every connection (a client library may page on different pooled
 * connections), bounded by count and bytes and evicting the least recently used. Cursors count up from the start
 * time in milliseconds, so a cursor from before a restart is almost surely unknown rather than another scan's. An
 * unknown or evicted cursor is answered {@code ERR invalid cursor}: a client that stalls for 4096 other scans must
 * start again, where Redis would go on. Rejected: encoding a key's position (an index), which concurrent inserts and
 * deletes shift, so keys would be skipped or repeated.
 *
 * <p>Thread-safe: one lock over the table.
 */
final class ScanCursors {

    static final int MAX_CURSORS = 4096;
    static final long MAX_BYTES = 16L << 20;

    private final Object lock = new Object();
    // @GuardedBy("lock"); access order: the eldest entry is the least recently used
    private final LinkedHashMap<Long, byte[]> resumeKeys = new LinkedHashMap<>(16, 0.75f, true);
    // @GuardedBy("lock")
    private long bytes;
    // @GuardedBy("lock")
    private long nextCursor;

    /** A table whose first cursor is {@code firstCursor} (made positive; 0 means "start"). */
    ScanCursors(long firstCursor) {
        this.nextCursor = Math.max(1, firstCursor);
    }

    /** A new cursor that resumes at {@code resumeKey} (inclusive). */
    long issue(byte[] resumeKey) {
        synchronized (lock) {
            long cursor = nextCursor++;
            if (nextCursor == 0) {
                nextCursor = 1;
            }
            resumeKeys.put(cursor, resumeKey);
            bytes += resumeKey.length;
            Iterator<Map.Entry<Long, byte[]>> eldest = resumeKeys.entrySet().iterator();
            while (resumeKeys.size() > MAX_CURSORS || (bytes > MAX_BYTES && resumeKeys.size() > 1)) {
                bytes -= eldest.next().getValue().length;
                eldest.remove();
            }
            return cursor;
        }
    }

    /** The key {@code cursor} resumes at, or null if the server never issued it or has forgotten it. */
    byte @Nullable [] resumeKey(long cursor) {
        synchronized (lock) {
            return resumeKeys.get(cursor);
        }
    }

    /** How many cursors are held. */
    int size() {
        synchronized (lock) {
            return resumeKeys.size();
        }
    }
}
