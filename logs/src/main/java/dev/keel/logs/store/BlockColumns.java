package dev.keel.logs.store;

/**
 * The columns stream at the front of a block's body: every entry's timestamp, then every entry's level.
 *
 * <pre>
 * KLB5:
 * width          1 byte                   bytes of the widest timestamp difference, 0..8
 * planes         width * count bytes      plane b holds byte b (least significant first) of every entry's difference
 *                                         from the previous entry's timestamp (the first entry's from minNanos),
 *                                         unsigned: entries are sorted by time
 * levels         count bytes              LogLevel ordinals
 * KLB3, KLB4:
 * timestamps     count * zigzag varint    the same differences
 * levels         count bytes
 * </pre>
 *
 * <p>How it is designed, and why: timestamps stamped on arrival in nanoseconds differ by a microsecond or two of noise
 * (8 to 9 bits an entry that no encoding removes), stamps from a source's own clock by zero or a whole second. As
 * varints (KLB4) a difference's low and high bits share bytes, and the compressor's byte statistics mix them; in byte
 * planes each plane is uniform (the low one noise, the next few small numbers, the rest zeros) and is coded on its own
 * terms: on this machine's dpkg and apt logs as ingested the column took 7% fewer bytes (docs/logs.md, session 7).
 * Zigzag (KLB4) spent a bit on a sign that sorted differences never have. Stateless.
 */
final class BlockColumns {

    private BlockColumns() {}

    /** The KLB5 columns of {@code entries}; counts the levels into {@code levelCounts}. */
    static ByteSink encode(BlockRows entries, int[] levelCounts) {
        int count = entries.size();
        long widest = 0;
        long previous = entries.nanos(0);
        for (int row = 0; row < count; row++) {
            widest |= entries.nanos(row) - previous;
            previous = entries.nanos(row);
        }
        int width = (Long.SIZE - Long.numberOfLeadingZeros(widest) + 7) / 8;
        ByteSink columns = new ByteSink(1 + count * (width + 1));
        columns.put(width);
        for (int plane = 0; plane < width; plane++) {
            previous = entries.nanos(0);
            int shift = 8 * plane;
            for (int row = 0; row < count; row++) {
                long nanos = entries.nanos(row);
                columns.put((int) ((nanos - previous) >>> shift) & 0xFF);
                previous = nanos;
            }
        }
        for (int row = 0; row < count; row++) {
            int level = entries.levels()[entries.offset() + row];
            columns.put(level);
            levelCounts[level]++;
        }
        return columns;
    }

    /** Decodes the columns {@code raw} of block {@code meta}, in its format's layout; nothing in them is trusted. */
    static BlockCodec.Columns decode(byte[] raw, BlockMeta meta) {
        ByteSource in = new ByteSource(raw, 0, raw.length, "block " + meta.id() + " columns");
        long[] nanos = meta.layout().leadingStamps() ? planes(in, raw, meta) : varints(in, meta);
        byte[] levels = new byte[meta.count()];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = (byte) EntryCodec.level(in).ordinal();
        }
        if (in.remaining() != 0) {
            throw in.corrupt(in.remaining() + " bytes after the level column");
        }
        return new BlockCodec.Columns(nanos, levels);
    }

    private static long[] planes(ByteSource in, byte[] raw, BlockMeta meta) {
        int count = meta.count();
        int width = in.get();
        if (width > 8) {
            throw in.corrupt("timestamp width " + width + " (expected: 0 to 8 bytes)");
        }
        if ((long) width * count > in.remaining()) {
            throw in.corrupt(width + " planes of " + count + " bytes past the columns' " + raw.length + " bytes");
        }
        int start = in.position();
        long[] nanos = new long[count];
        long previous = meta.minNanos();
        for (int i = 0; i < count; i++) {
            long delta = 0;
            for (int plane = 0; plane < width; plane++) {
                delta |= (raw[start + plane * count + i] & 0xFFL) << (8 * plane);
            }
            if (Long.compareUnsigned(delta, meta.maxNanos() - previous) > 0) { // previous <= max: no overflow
                throw in.corrupt("timestamp of entry " + i + " is " + Long.toUnsignedString(delta) + " ns after "
                        + previous + " (expected: within " + meta.minNanos() + ".." + meta.maxNanos() + ")");
            }
            previous += delta;
            nanos[i] = previous;
        }
        in.skip(width * count);
        return nanos;
    }

    private static long[] varints(ByteSource in, BlockMeta meta) {
        long[] nanos = new long[meta.count()];
        long previous = meta.minNanos();
        for (int i = 0; i < nanos.length; i++) {
            previous += in.getZigZag();
            if (previous < meta.minNanos() || previous > meta.maxNanos() || (i > 0 && previous < nanos[i - 1])) {
                throw in.corrupt("timestamp " + previous + " of entry " + i + " out of order or outside "
                        + meta.minNanos() + ".." + meta.maxNanos());
            }
            nanos[i] = previous;
        }
        return nanos;
    }
}
