package dev.keel.kv.server;

import dev.keel.kv.KvLists.End;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Commands on lists: run by {@link ListCommands}. Immutable. */
sealed interface ListCommand extends Command {

    /** LPUSH and RPUSH key element [element ...]. */
    record Push(byte[] key, End end, List<byte[]> values) implements ListCommand {
        public Push {
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("a push needs at least one element");
            }
        }
    }

    /**
     * LPOP and RPOP key [count].
     *
     * @param count null: pop one and reply with it (or nil); else reply with an array of up to that many
     */
    record Pop(byte[] key, End end, @Nullable Long count) implements ListCommand {
        public Pop {
            if (count != null && count < 0) {
                throw new IllegalArgumentException("count (" + count + ") must not be negative");
            }
        }
    }

    /** LRANGE key start stop: inclusive, negative indexes count from the end. */
    record Range(byte[] key, long start, long stop) implements ListCommand {}

    /** LLEN key. */
    record Length(byte[] key) implements ListCommand {}
}
