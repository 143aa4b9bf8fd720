package dev.keel.kv.server;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Commands on keys whatever their values: run by {@link KeyspaceCommands}. Immutable. */
sealed interface KeyspaceCommand extends Command {

    /** DEL and UNLINK key [key ...]. */
    record Del(List<byte[]> keys) implements KeyspaceCommand {
        public Del {
            keys = List.copyOf(keys);
        }
    }

    /** EXISTS key [key ...]: a key named twice counts twice. */
    record Exists(List<byte[]> keys) implements KeyspaceCommand {
        public Exists {
            keys = List.copyOf(keys);
        }
    }

    /**
     * EXPIRE and PEXPIRE.
     *
     * @param millis the TTL; zero or negative deletes the key, as in Redis
     * @param command the command's name, for the error if now + millis overflows
     */
    record Expire(byte[] key, long millis, String command) implements KeyspaceCommand {}

    /** TTL and PTTL: -2 if the key is missing, -1 if it has no TTL. */
    record Ttl(byte[] key, boolean inMillis) implements KeyspaceCommand {}

    /** PERSIST key. */
    record Persist(byte[] key) implements KeyspaceCommand {}

    /** TYPE key: {@code string} or {@code none}. */
    record Type(byte[] key) implements KeyspaceCommand {}

    /** KEYS pattern. */
    record Keys(GlobPattern pattern) implements KeyspaceCommand {}

    /**
     * SCAN cursor [MATCH pattern] [COUNT count] [TYPE type].
     *
     * @param cursor 0 to start, else a cursor an earlier SCAN returned (unsigned)
     * @param match the keys to return, null for all
     * @param count how many keys to look at, at least 1
     * @param type the value type to return, null for all; every value is a string
     */
    record Scan(
            long cursor,
            @Nullable GlobPattern match,
            long count,
            @Nullable String type) implements KeyspaceCommand {
        public Scan {
            if (count < 1) {
                throw new IllegalArgumentException("count (" + count + ") must be at least 1");
            }
        }
    }

    /** DBSIZE. */
    record DbSize() implements KeyspaceCommand {}

    /** FLUSHDB and FLUSHALL. */
    record FlushDb() implements KeyspaceCommand {}
}
