package dev.keel.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A disk that loses power on cue, for crash tests of durable code: the code opens its files through
 * {@link #open(Path, Set) disk::open}, the test cuts the power at a seeded point, and recovery (through plain
 * {@link FileChannel#open} or a new disk) must find every write that was {@code force}d before the cut.
 *
 * <pre>{@code
 * FaultyDisk disk = FaultyDisk.create(SeededRandom.withSeed(seed)).cutPowerAfterWrites(cutPoint);
 * try (WriteAheadLog log = WriteAheadLog.open(dir, disk::open)) {
 *     appendUntilThePowerFails(log, acknowledged);            // IOException("power cut (simulated) ...")
 * }
 * assertThat(WriteAheadLog.recover(dir).records()).startsWith(acknowledged);
 * }</pre>
 *
 * <h2>The model</h2>
 *
 * <pre>
 *   real file system       the DURABLE image: what survives the power cut, untouched by write()
 *   per path (CachedFile)  pending writes, in memory, in order: (position, bytes) ...; shared by every channel
 *                          the disk opens on that path, and kept after they close (close is not fsync)
 *
 *   write(...)        all forms (relative, positional, gathering, transferFrom) append ONE pending write and count
 *                     one write; the real file is not touched. APPEND writes at the current size; SYNC/DSYNC
 *                     channels force the path after each write (not counted as a force).
 *   read(...)         the real bytes with the pending writes laid over them in order; an unwritten gap reads as 0
 *   size()            max(real size, max end of the pending writes)
 *   force(b)          applies the path's pending writes to the real file in order (no real fsync: the cut is
 *                     simulated), clears them, counts one force
 *   truncate(n)       durable at once: pending writes past n are dropped or clipped, and the real file is cut
 *   power cut         each path's pending writes meet a fate drawn from the SeededRandom (paths in sorted order):
 *                       LOSE_UNSYNCED     none reaches the real file
 *                       KEEP_PREFIX_TORN  the first k (k uniform in [0, n]) land whole; if k &lt; n the next lands
 *                                         torn: its first m bytes, m uniform in [0, len)
 *                       REORDER           each one lands whole, is lost, or lands torn (a prefix cut at a
 *                                         512-byte sector boundary of the file or at any byte), independently;
 *                                         those that land are applied in their original order
 *                     then every operation on every channel, and open(), throws
 *                     IOException("power cut (simulated)"); close() always works.
 *   automatic cuts    the write that trips cutPowerAfterWrites / cutPowerAfterBytes is added torn (its first m
 *                     bytes, m uniform in [0, len), or exactly up to the byte limit), the fates of crashMode()
 *                     (default KEEP_PREFIX_TORN) follow, and that write() throws
 *                     IOException("power cut (simulated) during write").
 * </pre>
 *
 * <h2>How it is designed, and why</h2>
 *
 * <p>The durable image lives in real files so that recovery code runs against the real file system, unchanged, and a
 * failing test leaves files to look at. Only the volatile part, the page cache, is modelled, and only as far as a
 * crash can tell: a list of writes per path. Keeping whole writes (rather than dirty pages) makes "torn" mean what the
 * code under test thinks of as a torn record, and makes the fates simple enough to state in the table above. The
 * fates are drawn per path, so writes to two files are never ordered against each other, which is the truth for two
 * files without an fsync between them.
 *
 * <p>Known limits. Creating a file ({@code CREATE}, {@code CREATE_NEW}) is durable at once, and so are
 * {@code TRUNCATE_EXISTING} and {@code truncate}; directory operations (create, rename, delete) are not intercepted,
 * so a file renamed with unsynced writes leaves them behind under its old name, and the unsynced writes of a deleted
 * file are lost with it. {@code DELETE_ON_CLOSE} and memory mapping are rejected. Locks are real locks on the real
 * file. Interrupts reach the backing real channels: an interrupt during an operation closes the backing channel, and
 * later operations on the modelled channel fail with {@code ClosedChannelException}.
 *
 * <p>Thread-safe: one lock guards the whole disk (every file, every channel's position, the counters and the random
 * draws), so operations from many threads run one at a time in some serial order; that is plenty for a test fixture
 * and makes every crash a clean cut between two operations. Blocking {@code lock()} calls wait outside it. The
 * {@link SeededRandom} given to {@link #create} belongs to the disk from then on.
 */
public final class FaultyDisk {

    /** What happens to the writes not yet forced when the power is cut; see the table in the class comment. */
    public enum CrashMode {
        /** No unsynced write reaches the disk. */
        LOSE_UNSYNCED,
        /** A prefix of each file's unsynced writes reaches the disk, the last of it possibly torn. */
        KEEP_PREFIX_TORN,
        /** Each unsynced write independently reaches the disk, is lost, or is torn, like a volatile disk cache. */
        REORDER
    }

    private static final long NEVER = Long.MAX_VALUE;
    static final String POWER_CUT = "power cut (simulated)";

    private final Object lock = new Object();
    // @GuardedBy("lock"): the disk owns it; not thread-safe on its own
    private final SeededRandom random;
    // @GuardedBy("lock"): sorted, so that the fates are drawn in an order that does not depend on the order of opening
    private final Map<Path, CachedFile> files = new TreeMap<>();
    // @GuardedBy("lock")
    private CrashMode crashMode = CrashMode.KEEP_PREFIX_TORN;
    // @GuardedBy("lock")
    private boolean powerCut;
    // @GuardedBy("lock")
    private long writes;
    // @GuardedBy("lock")
    private long bytesWritten;
    // @GuardedBy("lock")
    private long forces;
    // @GuardedBy("lock"): the value of writes at which the power is cut
    private long cutAtWrite = NEVER;
    // @GuardedBy("lock"): the value of bytesWritten past which the power is cut
    private long cutPastByte = NEVER;

    private FaultyDisk(SeededRandom random) {
        this.random = random;
    }

    /** A disk with the power on; the fates of unsynced writes are drawn from {@code random}. */
    public static FaultyDisk create(SeededRandom random) {
        return new FaultyDisk(Objects.requireNonNull(random, "random"));
    }

    /**
     * Opens {@code path} as {@link FileChannel#open(Path, Set, java.nio.file.attribute.FileAttribute[])} would, with
     * its reads, writes and forces going through this disk's model. Has the shape of a {@code FileChannel} opener, so
     * {@code disk::open} can be passed wherever code opens its files.
     *
     * @throws UnsupportedOperationException for {@code DELETE_ON_CLOSE}
     * @throws IllegalArgumentException for {@code READ} or {@code TRUNCATE_EXISTING} with {@code APPEND}
     * @throws IOException {@code "power cut (simulated)"} once the power is cut, or what the real open throws
     */
    public FileChannel open(Path path, Set<? extends OpenOption> options) throws IOException {
        OpenMode mode = OpenMode.of(options);
        Path key = path.toAbsolutePath().normalize();
        synchronized (lock) {
            checkPower();
            boolean existed = Files.exists(key);
            FileChannel real = FileChannel.open(key, mode.realOptions());
            CachedFile file = files.computeIfAbsent(key, CachedFile::new);
            if (!existed || mode.truncatesExisting()) {
                file.discardPending(); // writes to an earlier file of that name, since deleted, or cut off by
                // truncation
            }
            return new FaultyFileChannel(this, file, real, mode);
        }
    }

    /** {@link #open(Path, Set)} with the options as varargs, like {@link FileChannel#open(Path, OpenOption...)}. */
    public FileChannel open(Path path, OpenOption... options) throws IOException {
        return open(path, new LinkedHashSet<>(Arrays.asList(options)));
    }

    /**
     * Arms a cut at the {@code writes}-th write call from now, counted across all channels: that write is torn, the
     * power is cut, and the call throws. Replaces an earlier {@code cutPowerAfterWrites}.
     */
    public FaultyDisk cutPowerAfterWrites(long writes) {
        if (writes <= 0) {
            throw new IllegalArgumentException("writes (" + writes + ") must be positive: the n-th write from now");
        }
        synchronized (lock) {
            cutAtWrite = Math.addExact(this.writes, writes);
        }
        return this;
    }

    /**
     * Arms a cut after {@code bytes} more bytes are written: the first write that would go past them keeps exactly the
     * bytes up to the limit (possibly none), the power is cut, and the call throws. A write that ends exactly at the
     * limit completes. Replaces an earlier {@code cutPowerAfterBytes}.
     */
    public FaultyDisk cutPowerAfterBytes(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes (" + bytes + ") must not be negative");
        }
        synchronized (lock) {
            cutPastByte = Math.addExact(bytesWritten, bytes);
        }
        return this;
    }

    /** Sets the fate of unsynced writes for the automatic cuts (default {@link CrashMode#KEEP_PREFIX_TORN}). */
    public FaultyDisk crashMode(CrashMode mode) {
        Objects.requireNonNull(mode, "mode");
        synchronized (lock) {
            crashMode = mode;
        }
        return this;
    }

    /**
     * Cuts the power now: every path's unsynced writes meet the fate {@code mode} draws for them. Does nothing if the
     * power is already cut (the fates were decided then).
     *
     * @throws UncheckedIOException if the real file system fails while the surviving writes are applied
     */
    public void cutPower(CrashMode mode) {
        Objects.requireNonNull(mode, "mode");
        synchronized (lock) {
            if (powerCut) {
                return;
            }
            try {
                crash(mode);
            } catch (IOException e) {
                throw new UncheckedIOException("applying the writes that survive the power cut", e);
            }
        }
    }

    public boolean isPowerCut() {
        synchronized (lock) {
            return powerCut;
        }
    }

    /** The write calls accepted so far, across all channels, including the one a cut tore. */
    public long writes() {
        synchronized (lock) {
            return writes;
        }
    }

    /** The bytes those write calls were asked to write: where to point {@link #cutPowerAfterBytes}. */
    public long bytesWritten() {
        synchronized (lock) {
            return bytesWritten;
        }
    }

    /** The {@code force} calls that completed. */
    public long forces() {
        synchronized (lock) {
            return forces;
        }
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "FaultyDisk[" + (powerCut ? "power cut" : "powered") + ", " + crashMode + ", " + writes + " writes, "
                    + forces + " forces, " + random + "]";
        }
    }

    // ---- for FaultyFileChannel; callers hold lock() ----

    Object lock() {
        return lock;
    }

    void checkPower() throws IOException {
        if (powerCut) {
            throw new IOException(POWER_CUT);
        }
    }

    /** Accepts one write call: adds it as pending, or, if it trips an armed cut, tears it and cuts the power. */
    int write(CachedFile file, long position, byte[] bytes) throws IOException {
        checkPower();
        long before = bytesWritten;
        writes++;
        bytesWritten += bytes.length;
        long kept = NEVER;
        if (writes == cutAtWrite) {
            kept = WriteFates.tornAtAnyByte(new PendingWrite(position, bytes), random);
        }
        if (bytesWritten > cutPastByte) {
            kept = Math.min(kept, cutPastByte - before);
        }
        if (kept == NEVER) {
            file.add(new PendingWrite(position, bytes));
            return bytes.length;
        }
        file.add(new PendingWrite(position, bytes).prefix((int) kept));
        IOException cut = new IOException(POWER_CUT + " during write");
        try {
            crash(crashMode);
        } catch (IOException e) {
            cut.addSuppressed(e);
        }
        throw cut;
    }

    /** A {@code force} call: the path's pending writes become durable. */
    void force(CachedFile file) throws IOException {
        checkPower();
        file.flush();
        forces++;
    }

    private void crash(CrashMode mode) throws IOException {
        powerCut = true;
        IOException failure = null;
        for (CachedFile file : files.values()) {
            try {
                file.crash(mode, random);
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
