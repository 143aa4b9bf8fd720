package dev.keel.storage;

import static dev.keel.storage.LogFormat.BATCH_CONTINUES;
import static dev.keel.storage.LogFormat.BLOCK_SIZE;
import static dev.keel.storage.LogFormat.FIRST;
import static dev.keel.storage.LogFormat.FRAGMENT_HEADER_SIZE;
import static dev.keel.storage.LogFormat.FULL;
import static dev.keel.storage.LogFormat.KIND_MASK;
import static dev.keel.storage.LogFormat.LAST;
import static dev.keel.storage.LogFormat.MIDDLE;
import static dev.keel.storage.LogFormat.SYNC;
import static dev.keel.storage.LogFormat.SYNC_PAYLOAD_SIZE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Decodes the fragments of one segment back into records, treating every byte as untrusted.
 *
 * <p>How decoding is designed, and why: the scanner reads the segment a block at a time into one reused buffer
 * (fragments never cross blocks, so a block's fragments are always whole in it; a single-record read asks for a page
 * first and reads more only for a larger fragment), checks each fragment's type, length
 * and CRC32C, and assembles FIRST/MIDDLE/LAST pieces into records no larger than the configured maximum. It never
 * throws for bad data: it returns {@link Invalid} with the position and the reason, and the caller decides whether that
 * is a torn tail to truncate or damage to report. The same scanner serves recovery (limit = file size), readers
 * (limit = what has been written) and single-record reads.
 *
 * <p>Not thread-safe: one scanner per reading thread.
 */
final class SegmentScanner {

    /** What the next step of a scan found. */
    sealed interface Step {}

    /**
     * A complete record (or SYNC marker) occupying file offsets {@code [offset, end)}.
     *
     * @param sync true for an internal SYNC marker, whose payload is the durable LSN it recorded
     */
    record Record(long offset, long end, boolean sync, boolean batchContinues, byte[] payload) implements Step {
        long syncedLsn() {
            return ByteBuffer.wrap(payload).getLong();
        }
    }

    /**
     * Bad data at {@code offset}, inside the record that started at {@code recordStart} (equal to {@code offset} when
     * the bad fragment would have started a record). A limit reached in the middle of a record is reported this way
     * too: bytes that end mid-record are a torn write.
     */
    record Invalid(long offset, long recordStart, String reason) implements Step {}

    /** The scan reached its limit at a record boundary. */
    record End(long offset) implements Step {}

    /** Bytes read ahead for scans: the rest of the block, so each block is read once. */
    static final int SCAN_READ_AHEAD = BLOCK_SIZE;
    /** Bytes read ahead for a single record: a page, so a small record costs one small read, not a block. */
    static final int RANDOM_READ_AHEAD = 4096;

    private final Segment segment;
    private final int maxRecordSize;
    private final int readAhead;
    private final ByteBuffer window = ByteBuffer.allocate(BLOCK_SIZE);
    private long windowStart = -1;
    private long position;
    private long limit;
    private boolean skippingContinuations;

    SegmentScanner(Segment segment, long fromOffset, long limit, int maxRecordSize) {
        this(segment, fromOffset, limit, maxRecordSize, SCAN_READ_AHEAD);
    }

    SegmentScanner(Segment segment, long fromOffset, long limit, int maxRecordSize, int readAhead) {
        this.readAhead = readAhead;
        this.segment = segment;
        this.position = fromOffset;
        this.limit = limit;
        this.maxRecordSize = maxRecordSize;
    }

    long position() {
        return position;
    }

    /** Moves the limit (a reader's view grows as appends are written). */
    void limit(long newLimit) {
        this.limit = newLimit;
    }

    /**
     * Continues at {@code offset}, which must be a block boundary, skipping MIDDLE and LAST fragments until the first
     * fragment that starts something: how a scan looks past damage.
     */
    void resyncAt(long offset) {
        position = offset;
        skippingContinuations = true;
    }

    /** Decodes the next record, or says why it cannot. */
    Step next() throws IOException {
        long recordStart = -1;
        boolean batchContinues = false;
        byte[] assembled = null;
        int assembledLength = 0;
        while (true) {
            int room = LogFormat.remainingInBlock(position);
            if (room < FRAGMENT_HEADER_SIZE) {
                if (position + room > limit) {
                    return recordStart < 0 && position == limit
                            ? new End(position)
                            : new Invalid(
                                    position, recordStart < 0 ? position : recordStart, "ends inside block padding");
                }
                position += room;
                continue;
            }
            if (position == limit) {
                return recordStart < 0 ? new End(position) : new Invalid(position, recordStart, "ends inside a record");
            }
            long fragmentStart = position;
            long start = recordStart < 0 ? fragmentStart : recordStart;
            if (limit - position < FRAGMENT_HEADER_SIZE) {
                return new Invalid(fragmentStart, start, "ends inside a fragment header");
            }
            ByteBuffer block = fill(position, FRAGMENT_HEADER_SIZE);
            int length = block.getShort() & 0xFFFF;
            int storedCrc = block.getInt();
            int type = block.get() & 0xFF;
            if (type == 0 && length == 0 && storedCrc == 0) {
                // What the writer preallocates ahead of its data: past the durable end a tail, before it damage.
                return new Invalid(fragmentStart, start, "zeros (preallocated space, or the end of what was written)");
            }
            if (!LogFormat.isValidType(type)) {
                return new Invalid(fragmentStart, start, String.format("invalid fragment type 0x%02X", type));
            }
            if (FRAGMENT_HEADER_SIZE + length > room) {
                return new Invalid(
                        fragmentStart,
                        start,
                        "fragment length " + length + " crosses its block boundary (" + (room - FRAGMENT_HEADER_SIZE)
                                + " bytes left)");
            }
            if (fragmentStart + FRAGMENT_HEADER_SIZE + length > limit) {
                return new Invalid(fragmentStart, start, "ends inside a fragment of " + length + " bytes");
            }
            block = fill(position, FRAGMENT_HEADER_SIZE + length);
            block.position(block.position() + FRAGMENT_HEADER_SIZE);
            CRC32C crc = new CRC32C();
            crc.update(type);
            crc.update(block.slice(block.position(), length));
            if ((int) crc.getValue() != storedCrc) {
                return new Invalid(
                        fragmentStart,
                        start,
                        String.format(
                                "checksum mismatch (stored 0x%08X, computed 0x%08X)", storedCrc, (int) crc.getValue()));
            }
            position = fragmentStart + FRAGMENT_HEADER_SIZE + length;
            int kind = type & KIND_MASK;
            boolean continues = (type & BATCH_CONTINUES) != 0;
            if (skippingContinuations) {
                if (kind == MIDDLE || kind == LAST) {
                    continue;
                }
                skippingContinuations = false;
            }
            switch (kind) {
                case FULL, SYNC -> {
                    if (recordStart >= 0) {
                        return new Invalid(fragmentStart, recordStart, "record interrupted by a new record");
                    }
                    if (kind == SYNC && length != SYNC_PAYLOAD_SIZE) {
                        return new Invalid(fragmentStart, fragmentStart, "SYNC marker of " + length + " bytes");
                    }
                    if (length > maxRecordSize) {
                        return tooLarge(fragmentStart, fragmentStart, length);
                    }
                    byte[] payload = new byte[length];
                    block.get(payload);
                    return new Record(fragmentStart, position, kind == SYNC, continues, payload);
                }
                case FIRST -> {
                    if (recordStart >= 0) {
                        return new Invalid(fragmentStart, recordStart, "record interrupted by a new record");
                    }
                    if (length > maxRecordSize) {
                        return tooLarge(fragmentStart, fragmentStart, length);
                    }
                    recordStart = fragmentStart;
                    batchContinues = continues;
                    assembled = new byte[Math.min(maxRecordSize, Math.max(length, 256))];
                    block.get(assembled, 0, length);
                    assembledLength = length;
                }
                case MIDDLE, LAST -> {
                    if (recordStart < 0 || assembled == null) {
                        return new Invalid(fragmentStart, fragmentStart, "continuation fragment without a first one");
                    }
                    if ((long) assembledLength + length > maxRecordSize) {
                        return tooLarge(fragmentStart, recordStart, (long) assembledLength + length);
                    }
                    if (assembledLength + length > assembled.length) {
                        int grown = (int)
                                Math.min(maxRecordSize, Math.max(2L * assembled.length, assembledLength + length));
                        assembled = Arrays.copyOf(assembled, grown);
                    }
                    block.get(assembled, assembledLength, length);
                    assembledLength += length;
                    if (kind == LAST) {
                        byte[] payload = assembled.length == assembledLength
                                ? assembled
                                : Arrays.copyOf(assembled, assembledLength);
                        return new Record(recordStart, position, false, batchContinues, payload);
                    }
                }
                default -> throw new AssertionError("type validated above: " + type);
            }
        }
    }

    private Invalid tooLarge(long offset, long recordStart, long size) {
        return new Invalid(
                offset, recordStart, "record of at least " + size + " bytes exceeds maxRecordSize " + maxRecordSize);
    }

    /**
     * Returns the window positioned at file offset {@code offset} with at least {@code needed} bytes available, reading
     * the rest of the block (up to the limit) when the window does not already hold them.
     */
    private ByteBuffer fill(long offset, int needed) throws IOException {
        if (windowStart >= 0 && offset >= windowStart && offset + needed <= windowStart + window.limit()) {
            return window.duplicate().position((int) (offset - windowStart));
        }
        int wanted = (int)
                Math.min(Math.min(LogFormat.remainingInBlock(offset), limit - offset), Math.max(needed, readAhead));
        window.clear().limit(wanted);
        int read = segment.readAt(window, offset);
        window.flip();
        windowStart = offset;
        if (read < needed) {
            windowStart = -1;
            throw new java.io.EOFException("segment " + segment + " has " + read + " bytes at offset " + offset
                    + " where " + needed + " were expected: the file is shorter than the log believes");
        }
        return window.duplicate().position(0);
    }
}
