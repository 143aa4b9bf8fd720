package dev.keel.storage;

import static dev.keel.storage.LogFormat.BATCH_CONTINUES;
import static dev.keel.storage.LogFormat.FIRST;
import static dev.keel.storage.LogFormat.FRAGMENT_HEADER_SIZE;
import static dev.keel.storage.LogFormat.FULL;
import static dev.keel.storage.LogFormat.LAST;
import static dev.keel.storage.LogFormat.MIDDLE;
import static dev.keel.storage.LogFormat.SYNC;
import static dev.keel.storage.LogFormat.SYNC_PAYLOAD_SIZE;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Encodes records as fragments on the block grid of {@link LogFormat}, into a buffer that is later written at a
 * known file offset.
 *
 * <p>How framing is designed, and why: the offset a record lands at decides how it splits into fragments, so
 * framing happens in log order, under the log's append lock, directly into the shared pending buffer: no per-record
 * allocation, one copy of the payload, and CRC32C (an intrinsic) computed as the bytes are placed. Padding is written
 * as explicit zeros because the buffer is reused. When exactly {@value LogFormat#FRAGMENT_HEADER_SIZE} bytes remain in
 * a block, a fragment with an empty payload is written there (as LevelDB does), so that a reader never has to guess
 * whether seven zero bytes are padding.
 *
 * <p>Stateless and thread-safe; the buffers passed in are the caller's to confine.
 */
final class RecordFramer {

    private static final byte[] ZEROS = new byte[FRAGMENT_HEADER_SIZE];

    private RecordFramer() {}

    /**
     * Wraps a batch's payloads for framing; throws {@link IllegalArgumentException} naming the first record over
     * {@link WalOptions#maxRecordSize()}, or the batch's size if it is over {@link WalOptions#maxBatchSize()}.
     */
    static ByteBuffer[] wrapBatch(List<byte[]> payloads, WalOptions options) {
        ByteBuffer[] buffers = new ByteBuffer[payloads.size()];
        long total = 0;
        for (int i = 0; i < buffers.length; i++) {
            byte[] payload = payloads.get(i);
            checkRecordSize(payload.length, i, options);
            buffers[i] = ByteBuffer.wrap(payload);
            total += payload.length;
        }
        if (total > options.maxBatchSize()) {
            throw new IllegalArgumentException(
                    "batch of " + total + " bytes exceeds maxBatchSize " + options.maxBatchSize());
        }
        return buffers;
    }

    /** Throws {@link IllegalArgumentException} if record {@code index} of {@code size} bytes is over the limit. */
    static void checkRecordSize(int size, int index, WalOptions options) {
        if (size > options.maxRecordSize()) {
            throw new IllegalArgumentException(
                    "record " + index + " of " + size + " bytes exceeds maxRecordSize " + options.maxRecordSize());
        }
    }

    /** The bytes that framing a {@code length}-byte payload at file offset {@code offset} will take, padding included. */
    static long framedSize(int length, long offset) {
        long position = offset;
        int remaining = length;
        boolean emitted = false;
        while (!emitted || remaining > 0) {
            int room = LogFormat.remainingInBlock(position);
            if (room < FRAGMENT_HEADER_SIZE) {
                position += room;
                continue;
            }
            int chunk = Math.min(remaining, room - FRAGMENT_HEADER_SIZE);
            position += FRAGMENT_HEADER_SIZE + chunk;
            remaining -= chunk;
            emitted = true;
        }
        return position - offset;
    }

    /**
     * Frames the remaining bytes of {@code payload} (consuming them) at file offset {@code offset} into {@code out},
     * which must have room for {@link #framedSize}; returns the file offset after the record.
     */
    static long frame(ByteBuffer payload, boolean batchContinues, long offset, ByteBuffer out) {
        int flags = batchContinues ? BATCH_CONTINUES : 0;
        long position = offset;
        boolean first = true;
        while (first || payload.hasRemaining()) {
            int room = LogFormat.remainingInBlock(position);
            if (room < FRAGMENT_HEADER_SIZE) {
                out.put(ZEROS, 0, room);
                position += room;
                continue;
            }
            int chunk = Math.min(payload.remaining(), room - FRAGMENT_HEADER_SIZE);
            boolean last = chunk == payload.remaining();
            int kind = first ? (last ? FULL : FIRST) : (last ? LAST : MIDDLE);
            position += putFragment(kind | flags, payload, chunk, out);
            first = false;
        }
        return position;
    }

    /**
     * Frames a SYNC marker recording that everything below {@code durableLsn} is on disk, if it fits in the rest of
     * the block at {@code offset}; returns the new offset, or {@code offset} itself if the marker was skipped (markers
     * are advisory: the next append writes one).
     */
    static long frameSync(long durableLsn, long offset, ByteBuffer out) {
        if (LogFormat.remainingInBlock(offset) < FRAGMENT_HEADER_SIZE + SYNC_PAYLOAD_SIZE) {
            return offset;
        }
        ByteBuffer payload = ByteBuffer.allocate(SYNC_PAYLOAD_SIZE).putLong(0, durableLsn);
        return offset + putFragment(SYNC, payload, SYNC_PAYLOAD_SIZE, out);
    }

    private static int putFragment(int type, ByteBuffer payload, int length, ByteBuffer out) {
        int start = payload.position();
        CRC32C crc = new CRC32C();
        crc.update(type);
        if (payload.hasArray()) {
            // The common case (heap buffers wrapping the callers' arrays): no slice or duplicate per fragment, which
            // a JFR profile of kv's pipelined SETs showed at 4% of the samples.
            byte[] array = payload.array();
            int from = payload.arrayOffset() + start;
            crc.update(array, from, length);
            out.putShort((short) length)
                    .putInt((int) crc.getValue())
                    .put((byte) type)
                    .put(array, from, length);
        } else {
            ByteBuffer chunk = payload.slice(start, length);
            crc.update(chunk.duplicate());
            out.putShort((short) length)
                    .putInt((int) crc.getValue())
                    .put((byte) type)
                    .put(chunk);
        }
        payload.position(start + length);
        return FRAGMENT_HEADER_SIZE + length;
    }
}
