package dev.keel.storage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * The on-disk format of a write-ahead log segment, version 1. All integers are big-endian.
 *
 * <pre>
 * Directory:   00000000000000000000.log  00000000000067108912.log  ...   wal.lock   [salvaged/]
 *              Each segment is named by its base LSN, zero-padded to 20 digits so that `ls` sorts them.
 *              A segment's base LSN is the previous segment's base plus its file size: LSNs are byte positions in
 *              the concatenation of all segments, and a record's LSN is where its first fragment starts.
 *
 * Segment:     [header: 24 bytes][fragments ...], laid on a grid of 32 KiB blocks counted from the file's start.
 *
 * Header:      offset size field
 *                   0    4 magic        0x4B57414C ("KWAL")
 *                   4    2 version      1
 *                   6    2 headerSize   24
 *                   8    8 baseLsn      must equal the number in the file name
 *                  16    4 reserved     0
 *                  20    4 crc          CRC32C of bytes [0, 20)
 *
 * Fragment:    offset size field
 *                   0    2 length       payload bytes in this fragment, 0 .. 32761
 *                   2    4 crc          CRC32C of the type byte followed by the payload
 *                   6    1 type         kind | flags
 *                   7    n payload
 *              kind (low 3 bits): 1 FULL (a whole record), 2 FIRST, 3 MIDDLE, 4 LAST (the pieces of a record that does
 *                   not fit the rest of its block), 5 SYNC (internal: an 8-byte payload, the LSN below which the log
 *                   was known to be on disk when this marker was written)
 *              flags: 0x10 BATCH_CONTINUES, on every fragment of every record of an appendBatch but its last. A batch
 *                   whose last record is missing after a crash is truncated whole.
 *              Any other bit set is invalid; so is a zero type byte, which is what a zero-filled tail reads as.
 *
 * Blocks:      a fragment never crosses a 32 KiB block boundary. When fewer than 7 bytes remain in a block they are
 *              zero padding and the next fragment starts at the next block. The grid lets a scan resynchronise at the
 *              next block after damage, which recovery uses to look past a bad record for SYNC markers.
 * </pre>
 *
 * <p>Why CRC32C: it detects all burst errors up to 32 bits and is computed by a single instruction per 8 bytes on
 * x86 and ARM ({@link CRC32C} is a JIT intrinsic), so checksumming costs far less than the write. Why fragments and
 * blocks (LevelDB's log format): a record may be any size up to the configured limit while the reader only ever
 * needs a bounded buffer, and damage is contained to a block.
 *
 * <p>Stateless and thread-safe.
 */
final class LogFormat {

    static final int MAGIC = 0x4B57414C;
    static final short VERSION = 1;
    static final int SEGMENT_HEADER_SIZE = 24;
    static final int BLOCK_SIZE = 32 * 1024;
    static final int FRAGMENT_HEADER_SIZE = 7;
    static final int MAX_FRAGMENT_PAYLOAD = BLOCK_SIZE - FRAGMENT_HEADER_SIZE;

    static final int KIND_MASK = 0x07;
    static final int FULL = 1;
    static final int FIRST = 2;
    static final int MIDDLE = 3;
    static final int LAST = 4;
    static final int SYNC = 5;
    static final int BATCH_CONTINUES = 0x10;
    static final int SYNC_PAYLOAD_SIZE = 8;

    private static final String SEGMENT_SUFFIX = ".log";
    static final String TEMP_SUFFIX = ".log.tmp";

    private LogFormat() {}

    /** The file name of the segment starting at {@code baseLsn}. */
    static String segmentFileName(long baseLsn) {
        return String.format("%020d%s", baseLsn, SEGMENT_SUFFIX);
    }

    /** The base LSN a segment file name encodes, or -1 if the name is not a segment's. */
    static long parseSegmentFileName(String name) {
        if (name.length() != 20 + SEGMENT_SUFFIX.length() || !name.endsWith(SEGMENT_SUFFIX)) {
            return -1;
        }
        for (int i = 0; i < 20; i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
        }
        try {
            return Long.parseLong(name, 0, 20, 10);
        } catch (NumberFormatException tooLarge) {
            return -1;
        }
    }

    /** True for the names of half-created segments that a crash during a roll leaves behind. */
    static boolean isTempSegmentName(String name) {
        return name.endsWith(TEMP_SUFFIX)
                && parseSegmentFileName(name.substring(0, name.length() - ".tmp".length())) >= 0;
    }

    /** A segment header for {@code baseLsn}, ready to write. */
    static ByteBuffer encodeHeader(long baseLsn) {
        ByteBuffer header = ByteBuffer.allocate(SEGMENT_HEADER_SIZE).order(ByteOrder.BIG_ENDIAN);
        header.putInt(MAGIC)
                .putShort(VERSION)
                .putShort((short) SEGMENT_HEADER_SIZE)
                .putLong(baseLsn)
                .putInt(0);
        CRC32C crc = new CRC32C();
        crc.update(header.array(), 0, 20);
        header.putInt((int) crc.getValue());
        return header.flip();
    }

    /**
     * Checks a segment header read from {@code file}; returns null if it is valid for {@code expectedBase}, else
     * what is wrong with it.
     */
    static @Nullable String checkHeader(ByteBuffer header, long expectedBase, Path file) {
        if (header.remaining() < SEGMENT_HEADER_SIZE) {
            return "segment " + file.getFileName() + " is " + header.remaining() + " bytes, shorter than its "
                    + SEGMENT_HEADER_SIZE + "-byte header";
        }
        int start = header.position();
        int magic = header.getInt(start);
        if (magic != MAGIC) {
            return String.format(
                    "segment %s has magic 0x%08X (expected 0x%08X, \"KWAL\"): not a keel write-ahead log segment",
                    file.getFileName(), magic, MAGIC);
        }
        CRC32C crc = new CRC32C();
        ByteBuffer covered = header.duplicate().position(start).limit(start + 20);
        crc.update(covered);
        int stored = header.getInt(start + 20);
        if (stored != (int) crc.getValue()) {
            return String.format(
                    "segment %s has a damaged header (checksum 0x%08X, computed 0x%08X)",
                    file.getFileName(), stored, (int) crc.getValue());
        }
        short version = header.getShort(start + 4);
        if (version != VERSION) {
            return "segment " + file.getFileName() + " has format version " + version + " (expected " + VERSION + ")";
        }
        short headerSize = header.getShort(start + 6);
        if (headerSize != SEGMENT_HEADER_SIZE) {
            return "segment " + file.getFileName() + " declares a " + headerSize + "-byte header (expected "
                    + SEGMENT_HEADER_SIZE + ")";
        }
        long base = header.getLong(start + 8);
        if (base != expectedBase) {
            return "segment " + file.getFileName() + " says it starts at LSN " + base + " but its name says "
                    + expectedBase;
        }
        return null;
    }

    /** The CRC32C of a fragment: over its type byte, then its payload. */
    static int fragmentCrc(int type, byte[] payload, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(type);
        crc.update(payload, offset, length);
        return (int) crc.getValue();
    }

    /** The CRC32C of a fragment whose payload is the remaining bytes of {@code payload} (not consumed). */
    static int fragmentCrc(int type, ByteBuffer payload) {
        CRC32C crc = new CRC32C();
        crc.update(type);
        crc.update(payload.duplicate());
        return (int) crc.getValue();
    }

    /** Bytes left in the block that contains file offset {@code offset}. */
    static int remainingInBlock(long offset) {
        return BLOCK_SIZE - (int) (offset % BLOCK_SIZE);
    }

    /** Whether {@code type} is a well-formed type byte. */
    static boolean isValidType(int type) {
        int kind = type & KIND_MASK;
        int flags = type & ~KIND_MASK;
        if (kind < FULL || kind > SYNC) {
            return false;
        }
        if (kind == SYNC) {
            return flags == 0;
        }
        return flags == 0 || flags == BATCH_CONTINUES;
    }
}
