package dev.keel.logs.store;

import java.util.ArrayList;
import java.util.List;

/**
 * A block's message page as stored, for each block format: in {@code KLB5} a {@link LeadingStamps} section then the
 * {@link MessagePage} layout of the rest of each message; in {@code KLB3} and {@code KLB4} the layout alone.
 *
 * <p>How it is designed, and why: a page is encoded as templates and, when its templates repeat little, also as plain
 * text, and keeps whichever compresses smaller at the sealer's fast level; the kept one is then compressed again at
 * {@link BodyCompression#STRONG_LEVEL} when it is plain text. Plain text is what real log lines that are not written
 * from a few format strings (package lists, versions, paths) turn into, and there a stronger match search took this
 * machine's dpkg and apt pages 10% smaller, while pages of repetitive templates (a service's format strings, the
 * ingest benchmark's messages) gain little from it and keep the fast level's CPU (docs/logs.md, session 7).
 * Stateless.
 */
final class PageCodec {

    private PageCodec() {}

    /** A page as stored: its encoded size and its compressed stream. */
    record Page(int rawBytes, byte[] compressed) {}

    /** Encodes {@code page} in whichever layout compresses smaller, with a stamps section first if {@code stamps}. */
    static Page encode(BlockRows page, BodyCompression.Compressor compressor, boolean stamps) {
        ByteSink prefix = new ByteSink(stamps ? page.size() + 8 : 0);
        BlockRows rest = stamps ? LeadingStamps.strip(page, prefix) : page;
        ByteSink templated = new ByteSink(prefix.size() + rest.size() * 120);
        templated.putBytes(prefix.array(), 0, prefix.size());
        int templates = MessagePage.encode(rest, templated);
        byte[] templatedBytes = compressor.compress(templated.array(), templated.size());
        if (templates * 8 > rest.size()) { // templates repeat little: plain text may compress better
            ByteSink plain = new ByteSink(prefix.size() + rest.size() * 120);
            plain.putBytes(prefix.array(), 0, prefix.size());
            MessagePage.encodePlain(rest, plain);
            byte[] plainBytes = compressor.compress(plain.array(), plain.size());
            if (plainBytes.length < templatedBytes.length) {
                byte[] strong = stamps ? compressor.compressStrong(plain.array(), plain.size()) : plainBytes;
                return new Page(plain.size(), strong.length < plainBytes.length ? strong : plainBytes);
            }
        }
        return new Page(templated.size(), templatedBytes);
    }

    /**
     * Decodes the entries {@code [from, to)} of a page of {@code count} entries from its decompressed bytes
     * {@code raw}; {@code where} names it in errors.
     */
    static List<MessagePage.Message> decode(BlockLayout layout, byte[] raw, String where, int count, int from, int to) {
        if (!layout.leadingStamps()) {
            return MessagePage.decode(raw, 0, where, count, from, to);
        }
        ByteSource in = new ByteSource(raw, 0, raw.length, where);
        String[] prefixes = LeadingStamps.read(in, raw, count, to, where);
        List<MessagePage.Message> messages = MessagePage.decode(raw, in.position(), where, count, from, to);
        List<MessagePage.Message> whole = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            MessagePage.Message message = messages.get(i);
            String prefix = prefixes[from + i];
            whole.add(prefix == null ? message : new MessagePage.Message(prefix + message.text(), message.fields()));
        }
        return whole;
    }
}
