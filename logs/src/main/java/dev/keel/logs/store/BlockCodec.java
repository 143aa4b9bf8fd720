package dev.keel.logs.store;

import dev.keel.logs.LogEntry;
import dev.keel.logs.LogLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * The format of a sealed block, the unit of storage: one stream's entries in time order, compressed, behind a header
 * that holds everything the indexes need, so that opening a store reads headers only.
 *
 * <pre>
 * magic          4 bytes   "KLB5" (written); "KLB4" and "KLB3" (read: see the differences below)
 * headerLength   4 bytes   big-endian, length of the header section that follows the CRC
 * headerCrc      4 bytes   CRC32C of the header section
 * header:
 *   id             8 bytes   block number
 *   minNanos       8 bytes   oldest timestamp (ns since 1970, signed)
 *   maxNanos       8 bytes   newest timestamp
 *   count          4 bytes   entries
 *   sealedThrough  8 bytes   write-ahead log position this block covers for its stream
 *   rawLength      4 bytes   length of the body once decompressed
 *   bodyLength     4 bytes   length of the compressed body
 *   bodyCrc        4 bytes   CRC32C of the compressed body
 *   source         string    (varint byte length + UTF-8)
 *   labels         varint n, n * (name string, value string)
 *   levelCounts    9 * varint, entries per level ordinal
 *   minutes        varint m, m * varint: entries per UTC minute from minNanos' minute to maxNanos' (m = that span),
 *                  or m = 0 when the span exceeds 1,440 minutes
 *   bloomWords     varint    the trigram filter's size in 64-bit words: 2^j or 3 * 2^j, 16..98,304 (KLB3, KLB4:
 *                            1 byte log2 of its bits, 10..22)
 *   bloom          bloomWords * 8 bytes, big-endian longs
 *   columnsRaw     varint    the columns stream's size decompressed
 *   columnsZ       varint    its size compressed
 *   pageSize       varint    entries per message page
 *   pages          ceil(count / pageSize) * (raw varint, compressed varint)
 * body: the columns stream, then each page, each an independent Zstandard frame (RFC 8878; in KLB3, a raw DEFLATE
 *       stream, RFC 1951), see {@link BodyCompression}:
 *   columns        timestamps, as byte planes of the differences from the previous (KLB3, KLB4: zigzag
 *                  varints), then levels, count bytes of LogLevel ordinals: see {@link BlockColumns}
 *   page i         the entries [i * pageSize, (i + 1) * pageSize): their leading date-times as a column
 *                  ({@link LeadingStamps}; not in KLB3 and KLB4), then plain text, or templates, template ids,
 *                  numbers and fields in columns, as {@link MessagePage} lays them out ({@link PageCodec} chooses)
 * </pre>
 *
 * <p>Columns first, so that a count or histogram query decompresses only the first few kilobytes of a body, and
 * similar values sit together, which helps compression. The stream's source and labels are stored once per block,
 * not per entry. Pages of {@value #PAGE_SIZE} entries (KLB3 wrote 1,024, and a block says its own): a compressed
 * stream starts with no context, so each page boundary costs ratio; at 1,024 entries a page of dpkg text was about
 * 66 KB and compressed 9% worse than at 4,096, while a lookup of a few entries now decompresses up to 4,096
 * messages' bytes (Zstandard does a few hundred kilobytes in well under a millisecond) and decodes only the ones
 * asked for. Stateless.
 */
public final class BlockCodec {

    static final int MAGIC = 0x4B4C4235; // "KLB5": KLB4 plus leading date-times per page, filters sized in words
    static final int MAGIC_KLB4 = 0x4B4C4234; // "KLB4": Zstandard streams, pages of 4,096 entries; still read
    static final int MAGIC_KLB3 = 0x4B4C4233; // "KLB3": DEFLATE streams, pages of 1,024; still read
    /** Entries per message page: a lookup decompresses at most this many messages per block. */
    static final int PAGE_SIZE = 4096;

    static final int PREAMBLE = 12;
    static final int MAX_HEADER = 8 << 20;
    static final int MAX_BODY = 256 << 20;

    private BlockCodec() {}

    /** A sealed block: its metadata and its bytes at rest. */
    public record Encoded(BlockMeta meta, byte[] bytes) {}

    /** Encodes {@code entries} (one stream's, sorted by time, not empty) as block {@code id}. */
    public static Encoded encode(long id, StreamKey stream, List<LogEntry> entries, long sealedThroughLsn) {
        return encode(id, stream, BlockRows.of(entries), sealedThroughLsn);
    }

    /**
     * Encodes {@code entries} (one stream's rows, sorted by time, not empty) as block {@code id}. Split into small
     * methods on purpose: the sealer calls this a few times a minute, so the JIT compiles its loops on the fly (OSR);
     * as one large method it was compiled by C2 four times in one benchmark run, seconds of compiler CPU.
     */
    static Encoded encode(long id, StreamKey stream, BlockRows entries, long sealedThroughLsn) {
        int count = entries.size();
        long min = entries.nanos(0);
        long max = entries.nanos(count - 1);
        int[] levelCounts = new int[LogLevel.values().length];
        ByteSink columns = BlockColumns.encode(entries, levelCounts);
        int pages = (count + PAGE_SIZE - 1) / PAGE_SIZE;
        int[] pageRaw = new int[pages];
        int[] pageZ = new int[pages];
        ByteSink body = new ByteSink(count * 40);
        int columnsZ;
        try (BodyCompression.Compressor compressor = new BodyCompression.Compressor()) {
            byte[] columnsBytes = compressor.compress(columns.array(), columns.size());
            columnsZ = columnsBytes.length;
            body.putBytes(columnsBytes, 0, columnsZ);
            for (int p = 0; p < pages; p++) {
                PageCodec.Page page = PageCodec.encode(
                        entries.slice(p * PAGE_SIZE, Math.min(count, (p + 1) * PAGE_SIZE)), compressor, true);
                pageRaw[p] = page.rawBytes();
                pageZ[p] = page.compressed().length;
                body.putBytes(page.compressed(), 0, page.compressed().length);
            }
        }
        BlockLayout layout =
                new BlockLayout(columns.size(), columnsZ, PAGE_SIZE, pageRaw, pageZ, BodyCompression.ZSTD, true);
        byte[] compressed = body.toByteArray();
        NgramBloom bloom = NgramBloom.of(entries.messages(), entries.offset(), count);
        int[] minuteCounts = minuteCounts(entries, min, max);
        ByteSink header = new ByteSink(256 + bloom.sizeInBytes());
        header.putLong(id);
        header.putLong(min);
        header.putLong(max);
        header.putInt(count);
        header.putLong(sealedThroughLsn);
        header.putInt(layout.rawBytes());
        header.putInt(compressed.length);
        header.putInt(crc(compressed, 0, compressed.length));
        header.putString(stream.source());
        EntryCodec.putMap(header, stream.labels());
        putHeaderTail(header, levelCounts, minuteCounts, bloom, layout);

        ByteSink file = new ByteSink(PREAMBLE + header.size() + compressed.length);
        file.putInt(MAGIC);
        file.putInt(header.size());
        file.putInt(crc(header.array(), 0, header.size()));
        file.putBytes(header.array(), 0, header.size());
        file.putBytes(compressed, 0, compressed.length);
        BlockMeta meta = new BlockMeta(
                id,
                stream,
                min,
                max,
                count,
                levelCounts,
                bloom,
                sealedThroughLsn,
                file.size(),
                layout.rawBytes(),
                layout,
                minuteCounts);
        return new Encoded(meta, file.toByteArray());
    }

    /** The header after the stream: level counts, minute counts, the trigram filter, the page layout. */
    private static void putHeaderTail(
            ByteSink header, int[] levelCounts, int[] minuteCounts, NgramBloom bloom, BlockLayout layout) {
        for (int levelCount : levelCounts) {
            header.putVarLong(levelCount);
        }
        header.putVarLong(minuteCounts.length);
        for (int minuteCount : minuteCounts) {
            header.putVarLong(minuteCount);
        }
        header.putVarLong(bloom.wordCount());
        for (long word : bloom.words()) {
            header.putLong(word);
        }
        header.putVarLong(layout.columnsRaw());
        header.putVarLong(layout.columnsCompressed());
        header.putVarLong(layout.pageSize());
        for (int p = 0; p < layout.pageRaw().length; p++) {
            header.putVarLong(layout.pageRaw()[p]);
            header.putVarLong(layout.pageCompressed()[p]);
        }
    }

    /** Entries per UTC minute of the block's span, or none when the span is longer than a day. */
    private static int[] minuteCounts(BlockRows entries, long min, long max) {
        long span = BlockMeta.minuteSpan(min, max);
        if (span > BlockMeta.MAX_MINUTES) {
            return new int[0];
        }
        int[] counts = new int[(int) span];
        long first = Math.floorDiv(min, BlockMeta.MINUTE_NANOS);
        for (int row = 0; row < entries.size(); row++) {
            counts[(int) (Math.floorDiv(entries.nanos(row), BlockMeta.MINUTE_NANOS) - first)]++;
        }
        return counts;
    }

    /**
     * Decodes the metadata from the start of a block file ({@code prefix} holds at least the preamble and header);
     * {@code fileLength} is the whole file's length, checked against the header; {@code where} names it in errors.
     */
    public static BlockMeta decodeMeta(byte[] prefix, long fileLength, String where) {
        ByteSource pre = new ByteSource(prefix, 0, Math.min(prefix.length, PREAMBLE), where);
        int magic = pre.getInt();
        if (magic != MAGIC && magic != MAGIC_KLB4 && magic != MAGIC_KLB3) {
            throw pre.corrupt(String.format(
                    "bad magic 0x%08X (expected: 0x%08X, \"KLB5\", 0x%08X, \"KLB4\", or 0x%08X, \"KLB3\"; blocks"
                            + " of the older format \"KLB2\" are not read: re-ingest them)",
                    magic, MAGIC, MAGIC_KLB4, MAGIC_KLB3));
        }
        BodyCompression compression = magic == MAGIC_KLB3 ? BodyCompression.DEFLATE : BodyCompression.ZSTD;
        int headerLength = pre.getInt();
        int headerCrc = pre.getInt();
        if (headerLength < 0 || headerLength > MAX_HEADER || PREAMBLE + headerLength > prefix.length) {
            throw pre.corrupt("header length " + headerLength + " (expected: at most " + MAX_HEADER
                    + " and within the file's " + prefix.length + " bytes)");
        }
        if (crc(prefix, PREAMBLE, headerLength) != headerCrc) {
            throw pre.corrupt("header checksum mismatch");
        }
        ByteSource in = new ByteSource(prefix, PREAMBLE, headerLength, where);
        long id = in.getLong();
        long min = in.getLong();
        long max = in.getLong();
        int count = in.getInt();
        long sealedThrough = in.getLong();
        int rawLength = in.getInt();
        int bodyLength = in.getInt();
        in.getInt(); // body CRC, checked when the body is read
        String source = in.getString(EntryCodec.MAX_STRING);
        TreeMap<String, String> labels = EntryCodec.getMap(in, LogEntry.MAX_LABELS);
        int[] levelCounts = new int[LogLevel.values().length];
        long total = 0;
        for (int i = 0; i < levelCounts.length; i++) {
            levelCounts[i] = in.getCount("level count", Integer.MAX_VALUE);
            total += levelCounts[i];
        }
        int minutes = in.getCount("minute count", BlockMeta.MAX_MINUTES);
        int[] minuteCounts = new int[minutes];
        long minuteTotal = 0;
        for (int i = 0; i < minutes; i++) {
            minuteCounts[i] = in.getCount("entries in a minute", Integer.MAX_VALUE);
            minuteTotal += minuteCounts[i];
        }
        long[] words = new long[bloomWords(in, magic == MAGIC)];
        for (int i = 0; i < words.length; i++) {
            words[i] = in.getLong();
        }
        int columnsRaw = in.getCount("columns size", MAX_BODY);
        int columnsZ = in.getCount("compressed columns size", MAX_BODY);
        int pageSize = in.getCount("page size", 1 << 20);
        if (pageSize == 0 || count <= 0) {
            throw in.corrupt("page size " + pageSize + " for " + count + " entries (expected: both positive)");
        }
        int pages = (count + pageSize - 1) / pageSize;
        int[] pageRaw = new int[pages];
        int[] pageZ = new int[pages];
        long layoutTotal = columnsZ;
        for (int p = 0; p < pages; p++) {
            pageRaw[p] = in.getCount("page size", MAX_BODY);
            pageZ[p] = in.getCount("compressed page size", MAX_BODY);
            layoutTotal += pageZ[p];
        }
        if (layoutTotal != bodyLength) {
            throw in.corrupt("pages add up to " + layoutTotal + " bytes (expected: the body's " + bodyLength + ")");
        }
        if (minutes != 0 && (minuteTotal != count || minutes != BlockMeta.minuteSpan(min, max))) {
            throw in.corrupt(minutes + " minute counts summing to " + minuteTotal + " (expected: "
                    + BlockMeta.minuteSpan(min, max) + " summing to the count " + count + ")");
        }
        if (count <= 0 || total != count || min > max) {
            throw in.corrupt("count " + count + " with level counts summing to " + total + ", span " + min + ".." + max
                    + " (expected: equal positive counts, min <= max)");
        }
        if (bodyLength < 0 || bodyLength > MAX_BODY || rawLength < 0 || rawLength > MAX_BODY) {
            throw in.corrupt("body of " + bodyLength + " bytes (" + rawLength + " raw), expected at most " + MAX_BODY);
        }
        long expectedLength = (long) PREAMBLE + headerLength + bodyLength;
        if (fileLength != expectedLength) {
            throw in.corrupt("file is " + fileLength + " bytes (expected: " + expectedLength + ")");
        }
        StreamKey stream;
        try {
            stream = StreamKey.of(new LogEntry(LogEntry.instantOf(min), LogLevel.INFO, source, labels, ""));
        } catch (IllegalArgumentException e) {
            throw in.corrupt("invalid stream: " + e.getMessage());
        }
        return new BlockMeta(
                id,
                stream,
                min,
                max,
                count,
                levelCounts,
                new NgramBloom(words),
                sealedThrough,
                (int) expectedLength,
                rawLength,
                new BlockLayout(columnsRaw, columnsZ, pageSize, pageRaw, pageZ, compression, magic == MAGIC),
                minuteCounts);
    }

    /** The trigram filter's size in words: a varint in KLB5, the log2 of its bits in a byte before. */
    private static int bloomWords(ByteSource in, boolean klb5) {
        if (klb5) {
            int words = in.getCount("bloom words", NgramBloom.BUILD_WORDS);
            if (!NgramBloom.isBuiltSize(words)) {
                throw in.corrupt("bloom of " + words + " words (expected: 2^j or 3 * 2^j, " + NgramBloom.MIN_WORDS
                        + " to " + NgramBloom.BUILD_WORDS + ")");
            }
            return words;
        }
        int log2 = in.get();
        if (log2 < 10 || log2 > 22) {
            throw in.corrupt("bloom size 2^" + log2 + " (expected: 2^10 to 2^22 bits)");
        }
        return (1 << log2) / 64;
    }

    /** The header's length plus the preamble: where the body starts. */
    static int bodyOffset(byte[] file) {
        ByteSource pre = new ByteSource(file, 0, PREAMBLE, "block");
        pre.getInt();
        return PREAMBLE + pre.getInt();
    }

    /** Decompresses and decodes every entry of the block file {@code file}, whose metadata is {@code meta}. */
    public static List<LogEntry> decodeEntries(BlockMeta meta, byte[] file) {
        return decodeEntries(meta, file, 0, meta.count());
    }

    /**
     * Decodes the entries at positions {@code [from, to)} of the block (in time order): the messages before
     * {@code from} are skipped without being decoded, and none after {@code to} is read, so a lookup of a few
     * entries costs the decompression and a skip, not the construction of every entry.
     */
    public static List<LogEntry> decodeEntries(BlockMeta meta, byte[] file, int from, int to) {
        if (from < 0 || to > meta.count() || from > to) {
            throw new IllegalArgumentException(
                    "range [" + from + ", " + to + ") of block " + meta.id() + " with " + meta.count() + " entries");
        }
        checkBody(meta, file);
        BlockLayout layout = meta.layout();
        Columns columns = decodeColumnsChecked(meta, file);
        List<LogEntry> entries = new ArrayList<>(to - from);
        if (from == to) {
            return entries;
        }
        StreamKey stream = meta.stream();
        int body = bodyOffset(file);
        int pageSize = layout.pageSize();
        for (int p = from / pageSize; p <= (to - 1) / pageSize; p++) {
            byte[] raw = decompress(
                    meta, file, body + layout.pageOffset(p), layout.pageCompressed()[p], layout.pageRaw()[p]);
            int first = p * pageSize;
            int last = Math.min(meta.count(), first + pageSize);
            List<MessagePage.Message> messages = PageCodec.decode(
                    layout,
                    raw,
                    "block " + meta.id() + " page " + p,
                    last - first,
                    Math.max(0, from - first),
                    Math.min(last, to) - first);
            int i = Math.max(from, first);
            for (MessagePage.Message message : messages) {
                entries.add(new LogEntry(
                        LogEntry.instantOf(columns.nanos()[i]),
                        LogLevel.ofOrdinal(columns.levels()[i]),
                        stream.source(),
                        stream.labels(),
                        message.text(),
                        message.fields()));
                i++;
            }
        }
        return entries;
    }

    /**
     * The timestamps and levels only: decompresses just the columns at the front of the body. The result's levels are
     * ordinals.
     */
    public static Columns decodeColumns(BlockMeta meta, byte[] file) {
        checkBody(meta, file);
        return decodeColumnsChecked(meta, file);
    }

    private static Columns decodeColumnsChecked(BlockMeta meta, byte[] file) {
        BlockLayout layout = meta.layout();
        byte[] raw = decompress(meta, file, bodyOffset(file), layout.columnsCompressed(), layout.columnsRaw());
        return BlockColumns.decode(raw, meta);
    }

    /** A block's timestamp and level columns. */
    public record Columns(long[] nanos, byte[] levels) {}

    private static void checkBody(BlockMeta meta, byte[] file) {
        int offset = bodyOffset(file);
        ByteSource check = new ByteSource(file, PREAMBLE + 8 * 3 + 4 + 8 + 4 + 4, 4, "block " + meta.id());
        if (crc(file, offset, file.length - offset) != check.getInt()) {
            throw check.corrupt("body checksum mismatch");
        }
    }

    private static byte[] decompress(BlockMeta meta, byte[] file, int offset, int compressed, int length) {
        ByteSource where = new ByteSource(file, 0, 0, "block " + meta.id());
        return meta.layout().compression().decompress(file, offset, compressed, length, where);
    }

    static int crc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }
}
