package dev.keel.kv;

import java.util.Arrays;

/**
 * A key and its value, as a scan returns them. The arrays are fresh copies owned by the caller.
 *
 * @param key the key
 * @param value the value
 */
public record KvEntry(byte[] key, byte[] value) {

    @Override
    public boolean equals(Object other) {
        return other instanceof KvEntry that && Arrays.equals(key, that.key) && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key) * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return KeyText.describe(key) + "=" + KeyText.describe(value);
    }
}
