package dev.keel.kv;

import java.util.Arrays;

/**
 * A key of the store: an immutable byte string ordered as unsigned bytes, lexicographically (so "a" &lt; "b" &lt; "ba",
 * and byte 0xFF sorts last, as in RocksDB's default comparator and Redis's sorted keyspace scans).
 *
 * <p>Immutable: built from a defensive copy, and never handing its array out.
 */
final class Key implements Comparable<Key> {

    private final byte[] bytes;
    private final int hash;

    private Key(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    /** A key holding a copy of {@code bytes}. */
    static Key copyOf(byte[] bytes) {
        return new Key(bytes.clone());
    }

    /** A key that takes ownership of {@code bytes}, which nobody else may modify (decoded from the log). */
    static Key wrap(byte[] bytes) {
        return new Key(bytes);
    }

    int length() {
        return bytes.length;
    }

    /** A copy of the key's bytes. */
    byte[] toByteArray() {
        return bytes.clone();
    }

    /** The key's bytes, not copied: for encoding into the log only. */
    byte[] unsafeBytes() {
        return bytes;
    }

    boolean startsWith(byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    @Override
    public int compareTo(Key other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Key that && hash == that.hash && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return KeyText.describe(bytes);
    }
}
