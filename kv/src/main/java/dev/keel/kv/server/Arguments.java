package dev.keel.kv.server;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * A cursor over a request's arguments, shared by the parser's grammar areas: each takes what it needs from where the
 * previous one stopped.
 *
 * <p>Not thread-safe: a cursor lives for one parse.
 */
final class Arguments {

    private final List<byte[]> words;
    private int next;

    /** A cursor over {@code words} (the command name first) standing on the word at {@code start}. */
    Arguments(List<byte[]> words, int start) {
        this.words = words;
        this.next = start;
    }

    boolean hasNext() {
        return next < words.size();
    }

    /** How many words are left. */
    int remaining() {
        return words.size() - next;
    }

    /** The next word; the caller has checked that there is one (arity). */
    byte[] next() {
        if (!hasNext()) {
            throw new IllegalStateException(
                    "no word " + next + " in a request of " + words.size() + ": arity was not checked");
        }
        return words.get(next++);
    }

    /** The next word as an upper-case keyword (NX, EX, MATCH ...). */
    String nextKeyword() {
        return text(next()).toUpperCase(Locale.ROOT);
    }

    /** The next word as an integer in Redis's strict form, or "ERR value is not an integer or out of range". */
    long nextLong() throws CommandException {
        return integer(next());
    }

    /** Every word left, in order. */
    List<byte[]> rest() {
        List<byte[]> rest = words.subList(next, words.size());
        next = words.size();
        return rest;
    }

    /** {@code word} as an integer in Redis's strict form, or "ERR value is not an integer or out of range". */
    static long integer(byte[] word) throws CommandException {
        return Decimal.parse(word).orElseThrow(CommandException::notAnInteger);
    }

    /** {@code word} as text, one char per byte (ISO-8859-1): client bytes echo back unchanged in errors. */
    static String text(byte[] word) {
        return new String(word, StandardCharsets.ISO_8859_1);
    }
}
