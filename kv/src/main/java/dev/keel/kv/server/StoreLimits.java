package dev.keel.kv.server;

import dev.keel.kv.KvOptions;

/**
 * The store's key and value size limits, checked before a write so that the client gets an error naming the size and
 * the limit (the store would throw the same, less politely), and before a read so that a key the store cannot hold (an
 * empty one, an oversized one) reads as absent, as it would in Redis.
 *
 * <p>Immutable; thread-safe.
 */
final class StoreLimits {

    private final int maxKeySize;
    private final int maxValueSize;

    StoreLimits(KvOptions options) {
        this.maxKeySize = options.maxKeySize();
        this.maxValueSize = options.maxValueSize();
    }

    /** Whether the store can hold {@code key}: reads of any other key find nothing. */
    boolean canHold(byte[] key) {
        return key.length > 0 && key.length <= maxKeySize;
    }

    /** Whether the store can hold {@code key} with {@code value}: a write of them fails only if the store does. */
    boolean accepts(byte[] key, byte[] value) {
        return canHold(key) && value.length <= maxValueSize;
    }

    /** Refuses a key the store cannot hold, naming its size and the limit. */
    void checkKey(byte[] key) throws CommandException {
        if (key.length == 0) {
            throw new CommandException("ERR empty keys are not supported: keel's store needs at least one byte");
        }
        if (key.length > maxKeySize) {
            throw new CommandException("ERR key of " + key.length + " bytes exceeds the store's limit of " + maxKeySize
                    + " bytes (maxKeySize)");
        }
    }

    /** Refuses a value the store cannot hold, naming its size and the limit. */
    void checkValue(byte[] value) throws CommandException {
        if (value.length > maxValueSize) {
            throw new CommandException("ERR value of " + value.length + " bytes exceeds the store's limit of "
                    + maxValueSize + " bytes (maxValueSize)");
        }
    }
}
