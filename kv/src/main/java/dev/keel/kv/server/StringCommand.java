package dev.keel.kv.server;

import java.util.List;

/** Commands on string values: run by {@link StringCommands}. Immutable. */
sealed interface StringCommand extends Command {

    /** GET key. */
    record Get(byte[] key) implements StringCommand {}

    /**
     * SET key value [NX|XX] [GET] [EX s|PX ms|EXAT s|PXAT ms|KEEPTTL], and SETEX, PSETEX, GETSET.
     *
     * @param condition when to write
     * @param ttl the expiry the value gets
     * @param returnOld reply with the old value (GET) instead of OK
     * @param command the command's name, for the error if now + a relative TTL overflows
     */
    record Set(byte[] key, byte[] value, Condition condition, TtlOption ttl, boolean returnOld, String command)
            implements StringCommand {}

    /** When SET writes. */
    enum Condition {
        /** Always (no NX or XX). */
        ALWAYS,
        /** Only if the key has no value (NX). */
        IF_ABSENT,
        /** Only if the key has a value (XX). */
        IF_PRESENT
    }

    /** The expiry SET gives the value. */
    sealed interface TtlOption {
        /** {@link Clear}'s one instance, shared: a plain SET allocates no option. */
        TtlOption CLEAR = new Clear();

        /** {@link Keep}'s one instance. */
        TtlOption KEEP = new Keep();

        /** No expiry: any TTL the key had is cleared (SET's default). */
        record Clear() implements TtlOption {}

        /** The TTL the key had (KEEPTTL). */
        record Keep() implements TtlOption {}

        /**
         * Expires {@code millis} after the write (EX, PX).
         *
         * @param millis positive
         */
        record After(long millis) implements TtlOption {
            public After {
                if (millis <= 0) {
                    throw new IllegalArgumentException("millis (" + millis + ") must be positive");
                }
            }
        }

        /**
         * Expires at {@code epochMillis} (EXAT, PXAT); one in the past deletes the key, as in Redis.
         *
         * @param epochMillis positive
         */
        record At(long epochMillis) implements TtlOption {
            public At {
                if (epochMillis <= 0) {
                    throw new IllegalArgumentException("epochMillis (" + epochMillis + ") must be positive");
                }
            }
        }
    }

    /** GETDEL key. */
    record GetDel(byte[] key) implements StringCommand {}

    /** INCR, INCRBY, DECR, DECRBY: adds {@code delta} to the integer stored at {@code key} (0 if absent). */
    record IncrBy(byte[] key, long delta) implements StringCommand {}

    /** MSET key value [key value ...]: all written in one atomic batch. */
    record MSet(List<byte[]> keys, List<byte[]> values) implements StringCommand {
        public MSet {
            keys = List.copyOf(keys);
            values = List.copyOf(values);
            if (keys.isEmpty() || keys.size() != values.size()) {
                throw new IllegalArgumentException("MSET needs as many values as keys, at least one (keys: "
                        + keys.size() + ", values: " + values.size() + ")");
            }
        }
    }

    /** MGET key [key ...]. */
    record MGet(List<byte[]> keys) implements StringCommand {
        public MGet {
            keys = List.copyOf(keys);
        }
    }
}
