package dev.keel.testing;

import dev.keel.testing.FaultyDisk.CrashMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides which of a file's pending writes reach the disk when the power is cut, and how much of each.
 *
 * <p>How it is designed, and why: a crash test is only as good as the failures it can produce, and real disks produce
 * three families of them, one per {@link CrashMode}. {@code LOSE_UNSYNCED} is the gentle one (a write-through cache
 * that lost its queue). {@code KEEP_PREFIX_TORN} is the file system that writes back in order: some prefix of the
 * queue lands, and the write in flight lands torn; a log that only appends must recover a prefix of what it wrote.
 * {@code REORDER} is a volatile disk cache flushing sectors in any order: any subset lands, each possibly torn at a
 * sector boundary (512 bytes, counted from the start of the file) or at any byte, which is what breaks a log that
 * trusts "the last record is intact, so the ones before are too" without an fsync between them.
 *
 * <p>Writes that land are returned in their original order, so where two overlap the later one wins, as it would have.
 * A whole write can land only as a prefix, never as a middle piece: tearing a prefix already defeats any record that
 * lacks a checksum over its payload, and keeping the model this small keeps it easy to trust. All randomness comes
 * from the caller's {@link SeededRandom}, in a fixed order, so a seed replays the same outcome.
 *
 * <p>Not thread-safe; {@link FaultyDisk} calls it under its lock.
 */
final class WriteFates {

    /** The sector size the {@code REORDER} mode tears at. */
    static final int SECTOR = 512;

    private WriteFates() {}

    /** The writes (whole or torn) that reach the disk out of {@code pending}, in their original order. */
    static List<PendingWrite> survivors(CrashMode mode, List<PendingWrite> pending, SeededRandom random) {
        return switch (mode) {
            case LOSE_UNSYNCED -> List.of();
            case KEEP_PREFIX_TORN -> keepPrefixTorn(pending, random);
            case REORDER -> reorder(pending, random);
        };
    }

    /** A length in {@code [0, write.length())} to tear {@code write} at: any byte (0 for an empty write). */
    static int tornAtAnyByte(PendingWrite write, SeededRandom random) {
        return write.length() == 0 ? 0 : random.nextInt(write.length());
    }

    private static List<PendingWrite> keepPrefixTorn(List<PendingWrite> pending, SeededRandom random) {
        int whole = random.nextInt(pending.size() + 1);
        List<PendingWrite> landed = new ArrayList<>(pending.subList(0, whole));
        if (whole < pending.size()) {
            PendingWrite inFlight = pending.get(whole);
            addIfNotEmpty(landed, inFlight.prefix(tornAtAnyByte(inFlight, random)));
        }
        return landed;
    }

    private static List<PendingWrite> reorder(List<PendingWrite> pending, SeededRandom random) {
        List<PendingWrite> landed = new ArrayList<>();
        for (PendingWrite write : pending) {
            switch (random.nextInt(3)) {
                case 0 -> landed.add(write);
                case 1 -> {} // lost
                default -> addIfNotEmpty(landed, write.prefix(tornLength(write, random)));
            }
        }
        return landed;
    }

    /** Half the time at a sector boundary strictly inside the write (when it spans one), otherwise at any byte. */
    private static int tornLength(PendingWrite write, SeededRandom random) {
        long firstBoundary = (write.position() / SECTOR + 1) * SECTOR;
        long lastBoundary = (write.end() - 1) / SECTOR * SECTOR;
        if (random.nextBoolean() && write.length() > 0 && firstBoundary <= lastBoundary) {
            long boundaries = (lastBoundary - firstBoundary) / SECTOR + 1;
            long boundary = firstBoundary + SECTOR * random.nextLong(boundaries);
            return (int) (boundary - write.position());
        }
        return tornAtAnyByte(write, random);
    }

    private static void addIfNotEmpty(List<PendingWrite> landed, PendingWrite write) {
        if (write.length() > 0) {
            landed.add(write);
        }
    }
}
