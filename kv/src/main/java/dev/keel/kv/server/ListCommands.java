package dev.keel.kv.server;

import dev.keel.kv.KeyValueStore;
import dev.keel.kv.KvLists;
import dev.keel.kv.ValueType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the list commands: LPUSH, RPUSH, LPOP, RPOP, LRANGE, LLEN, on the store's lists ({@link KvLists}).
 *
 * <p>Each command is one store call, atomic on its list (the store serialises a list's operations under its key's
 * lock), so concurrent clients pushing and popping one list see Redis's results without a server-side lock. A string
 * key answers {@code -WRONGTYPE} (the store's {@code WRONG_TYPE}, mapped by {@link CommandHandler}). A key longer
 * than the store accepts cannot hold a list: reads answer as for a missing key, pushes get the store's refusal.
 *
 * <p>Thread-safe: stateless beyond the thread-safe store.
 */
final class ListCommands {

    private final KeyValueStore store;
    private final KvLists lists;
    private final StoreLimits limits;

    ListCommands(KeyValueStore store, StoreLimits limits) {
        this.store = store;
        this.lists = store.lists();
        this.limits = limits;
    }

    Reply execute(ListCommand command) throws IOException, CommandException {
        return switch (command) {
            case ListCommand.Push push -> push(push);
            case ListCommand.Pop pop -> pop(pop);
            case ListCommand.Range range -> range(range);
            case ListCommand.Length length ->
                new Reply.Int(limits.canHold(length.key()) ? lists.length(length.key()) : 0);
        };
    }

    private Reply push(ListCommand.Push push) throws IOException, CommandException {
        limits.checkKey(push.key());
        for (byte[] value : push.values()) {
            limits.checkValue(value);
        }
        return new Reply.Int(lists.push(push.key(), push.end(), push.values().toArray(byte[][]::new)));
    }

    /** Without a count: the element or nil. With one: an array, nil for a missing key (Redis 7's replies). */
    private Reply pop(ListCommand.Pop pop) throws IOException {
        byte[] key = pop.key();
        Long count = pop.count();
        if (!limits.canHold(key)) {
            return count == null ? Reply.NULL_BULK : Reply.NULL_ARRAY;
        }
        if (count == null) {
            List<byte[]> popped = lists.pop(key, pop.end(), 1);
            return popped.isEmpty() ? Reply.NULL_BULK : new Reply.Bulk(popped.getFirst());
        }
        if (count == 0) {
            // Redis answers COUNT 0 with an empty array if the list exists (and still checks the type).
            lists.length(key);
            return store.type(key) == ValueType.NONE ? Reply.NULL_ARRAY : new Reply.Array(List.of());
        }
        List<byte[]> popped = lists.pop(key, pop.end(), count);
        return popped.isEmpty() ? Reply.NULL_ARRAY : bulks(popped);
    }

    private Reply range(ListCommand.Range range) throws IOException {
        if (!limits.canHold(range.key())) {
            return new Reply.Array(List.of());
        }
        return bulks(lists.range(range.key(), range.start(), range.stop()));
    }

    private static Reply bulks(List<byte[]> values) {
        List<Reply> replies = new ArrayList<>(values.size());
        for (byte[] value : values) {
            replies.add(new Reply.Bulk(value));
        }
        return new Reply.Array(replies);
    }
}
