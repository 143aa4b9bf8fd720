package dev.keel.kv.server;

import dev.keel.kv.Expiry;
import dev.keel.kv.KeyValueStore;
import dev.keel.kv.KvException;
import dev.keel.kv.WriteBatch;
import dev.keel.kv.server.StringCommand.Condition;
import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Runs the commands on string values: GET, SET (and SETEX, PSETEX, GETSET), GETDEL, INCRBY (and INCR, DECR,
 * DECRBY), MSET, MGET.
 *
 * <p>How it is designed, and why: Redis runs one command at a time, so its read-modify-write commands are atomic for
 * free; here connections run in parallel, so every command that reads before it writes (SET with NX, XX or GET,
 * GETDEL, INCR) is an optimistic loop: read the value, decide, and {@code compareAndSet} from the value read, retrying
 * if another client changed it in between. Each attempt that fails means another write succeeded, so the loop makes
 * progress. Comparing values rather than versions is enough: each command's outcome depends only on the value (and
 * NX/XX on its presence), and the conditional write carries its {@link Expiry} in the same atomic step, so
 * {@code SET lock x NX EX 10} never leaves a lock without its lease and INCR keeps a counter's TTL, as in Redis. A
 * plain SET skips the loop: one put. Rejected: a server-side lock per key (the store already serialises writes per
 * key; a second lock would only add contention).
 *
 * <p>Thread-safe: stateless beyond the thread-safe store.
 */
final class StringCommands {

    private final KeyValueStore store;
    private final StoreLimits limits;
    private final InstantSource clock;

    StringCommands(KeyValueStore store, StoreLimits limits) {
        this.store = store;
        this.limits = limits;
        this.clock = store.options().clock();
    }

    Reply execute(StringCommand command) throws IOException, CommandException {
        return switch (command) {
            case StringCommand.Get get -> Reply.bulkOrNull(limits.canHold(get.key()) ? store.get(get.key()) : null);
            case StringCommand.Set set -> set(set);
            case StringCommand.GetDel getDel -> getDel(getDel.key());
            case StringCommand.IncrBy incrBy -> incrBy(incrBy.key(), incrBy.delta());
            case StringCommand.MSet mset -> mset(mset);
            case StringCommand.MGet mget -> mget(mget.keys());
        };
    }

    private Reply set(StringCommand.Set set) throws IOException, CommandException {
        byte[] key = set.key();
        byte[] value = set.value();
        limits.checkKey(key);
        limits.checkValue(value);
        // null: the TTL is already over (EXAT/PXAT in the past), so the write is a delete, as in Redis
        @Nullable Expiry expiry = expiryOf(set);
        if (set.condition() == Condition.ALWAYS && !set.returnOld()) {
            switch (expiry) {
                case null -> store.delete(key);
                case Expiry.None _ -> store.put(key, value);
                case Expiry.After after -> store.put(key, value, after.ttl());
                case Expiry.Keep _ -> readModifyWrite(key, Condition.ALWAYS, value, expiry, false);
            }
            return Reply.OK;
        }
        Outcome outcome = readModifyWrite(key, set.condition(), value, expiry, set.returnOld());
        if (set.returnOld()) {
            return Reply.bulkOrNull(outcome.old());
        }
        return outcome.written() ? Reply.OK : Reply.NULL_BULK;
    }

    /** The expiry SET asks for, or null if it is already over; checked against overflow as Redis does. */
    private @Nullable Expiry expiryOf(StringCommand.Set set) throws CommandException {
        long now = clock.millis();
        return switch (set.ttl()) {
            case StringCommand.TtlOption.Clear _ -> Expiry.none();
            case StringCommand.TtlOption.Keep _ -> Expiry.keep();
            case StringCommand.TtlOption.After after -> {
                if (after.millis() > Long.MAX_VALUE - now) {
                    throw CommandException.invalidExpireTime(set.command());
                }
                yield Expiry.after(Duration.ofMillis(after.millis()));
            }
            case StringCommand.TtlOption.At at ->
                at.epochMillis() > now ? Expiry.after(Duration.ofMillis(at.epochMillis() - now)) : null;
        };
    }

    /** What a conditional write saw and did. */
    private record Outcome(byte @Nullable [] old, boolean written) {}

    /**
     * Writes {@code value} with {@code expiry} (a null expiry deletes) if {@code condition} holds for the current value,
     * atomically with respect to other writers of {@code key}.
     */
    private Outcome readModifyWrite(
            byte[] key, Condition condition, byte[] value, @Nullable Expiry expiry, boolean returnOld)
            throws IOException {
        while (true) {
            if (condition == Condition.IF_ABSENT && !returnOld && store.contains(key)) {
                return new Outcome(null, false); // NX on any present key, a list included, as Redis: no read needed
            }
            byte @Nullable [] old = store.get(key);
            boolean allowed = switch (condition) {
                case ALWAYS -> true;
                case IF_ABSENT -> old == null;
                case IF_PRESENT -> old != null;
            };
            if (!allowed) {
                return new Outcome(old, false);
            }
            boolean swapped =
                    expiry == null ? store.compareAndSet(key, old, null) : store.compareAndSet(key, old, value, expiry);
            if (swapped) {
                return new Outcome(old, true);
            }
        }
    }

    private Reply getDel(byte[] key) throws IOException {
        if (!limits.canHold(key)) {
            return Reply.NULL_BULK;
        }
        while (true) {
            byte @Nullable [] old = store.get(key);
            if (old == null) {
                return Reply.NULL_BULK;
            }
            if (store.compareAndSet(key, old, null)) {
                return new Reply.Bulk(old);
            }
        }
    }

    /** Adds {@code delta} to the decimal at {@code key} (0 if absent), keeping its TTL, as Redis's INCRBY. */
    private Reply incrBy(byte[] key, long delta) throws IOException, CommandException {
        limits.checkKey(key);
        while (true) {
            byte @Nullable [] old = store.get(key);
            long current = old == null ? 0 : Arguments.integer(old);
            long next;
            try {
                next = Math.addExact(current, delta);
            } catch (ArithmeticException e) {
                throw new CommandException("ERR increment or decrement would overflow");
            }
            if (store.compareAndSet(key, old, Decimal.toBytes(next), Expiry.keep())) {
                return new Reply.Int(next);
            }
        }
    }

    /**
     * Writes plain SETs (see {@link SetBatch}) in one atomic store write: durable on return under
     * {@code SyncPolicy.ALWAYS}. The caller has checked every key and value against the limits.
     */
    void setAll(WriteBatch batch) throws IOException {
        store.write(batch);
    }

    private Reply mset(StringCommand.MSet mset) throws IOException, CommandException {
        WriteBatch batch = new WriteBatch();
        for (int i = 0; i < mset.keys().size(); i++) {
            limits.checkKey(mset.keys().get(i));
            limits.checkValue(mset.values().get(i));
            batch.put(mset.keys().get(i), mset.values().get(i));
        }
        store.write(batch);
        return Reply.OK;
    }

    /** MGET answers nil for a key that holds a list, as Redis does, rather than failing the whole command. */
    private Reply mget(List<byte[]> keys) throws IOException {
        List<Reply> values = new ArrayList<>(keys.size());
        for (byte[] key : keys) {
            byte @Nullable [] value = null;
            try {
                value = limits.canHold(key) ? store.get(key) : null;
            } catch (KvException e) {
                if (e.code() != KvException.Code.WRONG_TYPE) {
                    throw e;
                }
            }
            values.add(Reply.bulkOrNull(value));
        }
        return new Reply.Array(values);
    }
}
