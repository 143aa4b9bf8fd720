package dev.keel.sql.value;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A BLOB value: bytes, compared with {@code memcmp} order, after every number and text in {@link ValueOrder}.
 *
 * <p>Immutable: the bytes are copied in and out.
 */
public final class Blob implements Comparable<Blob> {

    private final byte[] bytes;

    /** A blob holding a copy of {@code bytes}. */
    public Blob(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    /** A blob from hexadecimal digits, as in the literal {@code X'0A1B'}. */
    public static Blob ofHex(String hex) {
        return new Blob(HexFormat.of().parseHex(hex));
    }

    /** A copy of the bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public int compareTo(Blob other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Blob b && Arrays.equals(b.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** The bytes read as UTF-8 text, as SQLite converts a blob to text. */
    public String text() {
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "X'" + HexFormat.of().withUpperCase().formatHex(bytes) + "'";
    }
}
