package dev.keel.logs.store;

/**
 * Where the parts of a block's compressed body are: the columns stream (timestamps and levels) first, then the
 * messages in pages of {@code pageSize} entries, each page its own compressed stream, so that reading a few entries
 * decompresses one page instead of the whole block. Immutable (the arrays are never modified after construction).
 *
 * @param columnsRaw the columns' size decompressed
 * @param columnsCompressed the columns' size compressed
 * @param pageSize entries per page (the last page may hold fewer)
 * @param pageRaw each page's size decompressed
 * @param pageCompressed each page's size compressed
 * @param compression how the columns and the pages are compressed (the block format's)
 * @param leadingStamps whether each page starts with its messages' leading date-times ({@link LeadingStamps}; blocks
 *     of format {@code KLB5})
 */
public record BlockLayout(
        int columnsRaw,
        int columnsCompressed,
        int pageSize,
        int[] pageRaw,
        int[] pageCompressed,
        BodyCompression compression,
        boolean leadingStamps) {

    public BlockLayout {
        if (pageRaw.length != pageCompressed.length || pageSize <= 0) {
            throw new IllegalArgumentException("layout of " + pageRaw.length + " raw and " + pageCompressed.length
                    + " compressed pages of " + pageSize + " entries");
        }
    }

    /** A layout of the formats before {@code KLB5}, whose pages hold no stamps section. */
    public BlockLayout(
            int columnsRaw,
            int columnsCompressed,
            int pageSize,
            int[] pageRaw,
            int[] pageCompressed,
            BodyCompression compression) {
        this(columnsRaw, columnsCompressed, pageSize, pageRaw, pageCompressed, compression, false);
    }

    /** Where page {@code page} starts, relative to the body. */
    int pageOffset(int page) {
        int offset = columnsCompressed;
        for (int i = 0; i < page; i++) {
            offset += pageCompressed[i];
        }
        return offset;
    }

    /** The body's total size decompressed. */
    int rawBytes() {
        long total = columnsRaw;
        for (int raw : pageRaw) {
            total += raw;
        }
        return (int) Math.min(Integer.MAX_VALUE, total);
    }
}
