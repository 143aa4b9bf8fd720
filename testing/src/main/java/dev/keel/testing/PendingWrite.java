package dev.keel.testing;

/**
 * One write a {@link FaultyDisk} has accepted but not yet made durable: {@code bytes} at {@code position} of a file.
 *
 * <p>Immutable by convention: the disk copies the caller's buffer into {@code bytes} and never changes it afterwards.
 */
record PendingWrite(long position, byte[] bytes) {

    PendingWrite {
        if (position < 0) {
            throw new IllegalArgumentException("position (" + position + ") must not be negative");
        }
    }

    int length() {
        return bytes.length;
    }

    /** The position just past the last byte. */
    long end() {
        return position + bytes.length;
    }

    /** The first {@code length} bytes of this write: what reaches the disk when it is torn there. */
    PendingWrite prefix(int length) {
        if (length < 0 || length > bytes.length) {
            throw new IllegalArgumentException(
                    "prefix length (" + length + ") out of range (expected: 0.." + bytes.length + ")");
        }
        byte[] kept = new byte[length];
        System.arraycopy(bytes, 0, kept, 0, length);
        return new PendingWrite(position, kept);
    }

    /** Copies the part of this write that overlaps {@code window} (which starts at file offset {@code windowStart}). */
    void copyOverlap(byte[] window, long windowStart) {
        long from = Math.max(position, windowStart);
        long to = Math.min(end(), windowStart + window.length);
        if (from < to) {
            System.arraycopy(bytes, (int) (from - position), window, (int) (from - windowStart), (int) (to - from));
        }
    }

    @Override
    public String toString() {
        return "PendingWrite[" + position + ".." + end() + ")";
    }
}
