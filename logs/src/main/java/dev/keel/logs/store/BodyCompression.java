package dev.keel.logs.store;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import dev.keel.logs.LogsException;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The compressor of a block body's streams (the columns, then each message page), chosen by the block's format:
 * {@code KLB3} blocks hold raw DEFLATE streams (RFC 1951) and are still read; {@code KLB4} blocks, the ones written
 * now, hold Zstandard frames (RFC 8878) at level {@value #ZSTD_LEVEL}.
 *
 * <p>How it is designed, and why: a page is the unit a lookup decompresses, so each is compressed on its own and
 * gains nothing from the pages before it. DEFLATE's 32 KiB window and its Huffman-only entropy stage cap it at about
 * 8.9x on this machine's dpkg and apt logs even as one stream over the whole file; Zstandard at level 9 over pages
 * of 4,096 entries takes those pages' bytes to 9.8x (a window as large as the page, a better match search, and
 * FSE-coded match lengths and offsets), decompresses faster than inflate, and at this level costs no more CPU to
 * compress than DEFLATE at 6 (measured in {@code LogsCompressionHarness}; docs/logs.md, session 6). Rejected, after
 * measuring on the same text: xz/LZMA2 (pure-Java xz at preset 6 over pages of 1,024 entries: 10% smaller than
 * zstd-9, at about 20 times DEFLATE's CPU), zstd level 19 (as small, far too slow for the sealer to keep up with
 * ingest), a dictionary trained per block and shared by its pages (a 16 KiB dictionary saved 2% at pages of 1,024,
 * less than larger pages do; at pages of 4,096, session 7, the dictionaries of 4 to 32 KiB that zstd's trainer made
 * from the block's messages cost more to store than they saved on its pages, at level 9 and at 19), and the previous
 * page as a preset dictionary (a lookup would have to decompress every page before the one it wants). Since
 * {@code KLB5}, pages of plain text are compressed again at {@link #STRONG_LEVEL} ({@link PageCodec} says why);
 * a frame of any level decompresses the same way.
 *
 * <p>Decompression trusts nothing: the caller gives the size the header promised, the output buffer is exactly that
 * size, a frame that would overflow it or ends short of it is reported as corruption. Stateless.
 */
public enum BodyCompression {
    /** Raw DEFLATE, the {@code KLB3} format: read only. */
    DEFLATE,
    /** Zstandard frames, the {@code KLB4} format. */
    ZSTD;

    /** The Zstandard level blocks are written at. */
    static final int ZSTD_LEVEL = 9;

    /**
     * The level of plain-text pages in {@code KLB5} blocks (see {@link PageCodec}): the first with one of Zstandard's
     * optimal parsers (btopt; btultra for inputs up to 256 KiB), about a tenth smaller than level 9 on real log text,
     * at 4 to 13 times its CPU per byte (measured warm).
     */
    static final int STRONG_LEVEL = 16;

    /** A compressor for one block's streams; not thread-safe, closed after the block is encoded. */
    static final class Compressor implements AutoCloseable {
        private final ZstdCompressCtx context;
        private ZstdCompressCtx strong;

        Compressor() {
            try {
                context = new ZstdCompressCtx()
                        .setLevel(ZSTD_LEVEL)
                        .setChecksum(false)
                        .setContentSize(true);
            } catch (LinkageError e) {
                throw unavailable(e);
            }
        }

        /** The first {@code length} bytes of {@code raw} as one Zstandard frame. */
        byte[] compress(byte[] raw, int length) {
            byte[] out = new byte[(int) Math.min(Integer.MAX_VALUE - 16, Zstd.compressBound(length))];
            int size = context.compressByteArray(out, 0, out.length, raw, 0, length);
            return Arrays.copyOf(out, size);
        }

        /** As {@link #compress}, at {@link #STRONG_LEVEL}. */
        byte[] compressStrong(byte[] raw, int length) {
            if (strong == null) {
                strong = new ZstdCompressCtx()
                        .setLevel(STRONG_LEVEL)
                        .setChecksum(false)
                        .setContentSize(true);
            }
            byte[] out = new byte[(int) Math.min(Integer.MAX_VALUE - 16, Zstd.compressBound(length))];
            int size = strong.compressByteArray(out, 0, out.length, raw, 0, length);
            return Arrays.copyOf(out, size);
        }

        @Override
        public void close() {
            context.close();
            if (strong != null) {
                strong.close();
            }
        }
    }

    /**
     * Decompresses the stream of {@code compressed} bytes at {@code offset} of {@code file}, which must yield exactly
     * {@code length} bytes; {@code where} names the stream in errors.
     */
    byte[] decompress(byte[] file, int offset, int compressed, int length, ByteSource where) {
        if (offset < 0 || compressed < 0 || (long) offset + compressed > file.length) {
            throw where.corrupt("a stream of " + compressed + " bytes at " + offset + " past the file's end");
        }
        byte[] raw = new byte[length];
        int filled = this == ZSTD
                ? unzstd(file, offset, compressed, raw, where)
                : inflate(file, offset, compressed, raw, where);
        if (filled != length) {
            throw where.corrupt("a stream decompresses to " + filled + " bytes (expected: " + length + ")");
        }
        return raw;
    }

    private static int unzstd(byte[] file, int offset, int compressed, byte[] raw, ByteSource where) {
        ZstdDecompressCtx context;
        try {
            context = new ZstdDecompressCtx();
        } catch (LinkageError e) {
            throw unavailable(e);
        }
        try (context) {
            return context.decompressByteArray(raw, 0, raw.length, file, offset, compressed);
        } catch (ZstdException e) {
            throw where.corrupt(
                    "a Zstandard frame does not decompress into " + raw.length + " bytes: " + e.getMessage());
        }
    }

    /**
     * zstd-jni's native library did not load (no build for this platform, or a temporary directory it may not
     * execute from): reported like a failed disk, not as an error that ends the sealer's thread.
     */
    private static LogsException unavailable(LinkageError e) {
        return new LogsException(
                LogsException.Code.STORAGE_FAILED,
                "the Zstandard codec (zstd-jni) is not available on " + System.getProperty("os.name") + "/"
                        + System.getProperty("os.arch") + ": " + e
                        + " (expected: its native library loads; if java.io.tmpdir is mounted noexec, point"
                        + " -Djava.io.tmpdir at a directory that is not)",
                e);
    }

    private static int inflate(byte[] file, int offset, int compressed, byte[] raw, ByteSource where) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(file, offset, compressed);
            int filled = 0;
            while (filled < raw.length) {
                int n = inflater.inflate(raw, filled, raw.length - filled);
                if (n == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                filled += n;
            }
            return filled;
        } catch (DataFormatException e) {
            throw where.corrupt("a stream does not inflate: " + e.getMessage());
        } finally {
            inflater.end();
        }
    }
}
