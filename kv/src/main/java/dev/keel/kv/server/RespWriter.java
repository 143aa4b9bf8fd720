package dev.keel.kv.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Encodes {@link Reply replies} in RESP2 onto a (buffered) stream. It never flushes: the connection flushes once the
 * pipelined requests it has read are answered.
 *
 * <pre>
 * Replies, RESP2 (server to client). CRLF is "\r\n"; decimal is ASCII, '-' for negatives, no '+', no leading zeros.
 *
 *   simple string   '+' text CRLF                  text: no CR or LF            +OK\r\n
 *   error           '-' code ' ' text CRLF         CR, LF in text become ' '    -ERR syntax error\r\n
 *   integer         ':' decimal CRLF               a signed 64-bit value        :42\r\n
 *   bulk string     '$' length CRLF bytes CRLF     length: decimal, >= 0        $3\r\nabc\r\n
 *   null bulk       "$-1" CRLF                     GET of a missing key         $-1\r\n
 *   array           '*' count CRLF element*        count elements follow        *2\r\n:1\r\n$-1\r\n
 *   null array      "*-1" CRLF                                                  *-1\r\n
 * </pre>
 *
 * <p>Text is written as ISO-8859-1 (see {@link Reply}). Not thread-safe: one writer per connection.
 */
final class RespWriter {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] NULL_BULK = "$-1\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL_ARRAY = "*-1\r\n".getBytes(StandardCharsets.US_ASCII);
    /** The most common reply, encoded once: a pipeline of SETs answers with nothing else. */
    private static final byte[] OK = "+OK\r\n".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;
    /** A scratch buffer for one decimal: a sign and 19 digits. */
    private final byte[] digits = new byte[20];

    RespWriter(OutputStream out) {
        this.out = out;
    }

    /** Writes {@code reply} (not flushed). */
    void write(Reply reply) throws IOException {
        if (reply == Reply.OK) {
            out.write(OK);
            return;
        }
        switch (reply) {
            case Reply.Simple simple -> writeLine('+', simple.text());
            case Reply.Error error -> writeLine('-', error.message());
            case Reply.Int integer -> writeHeader(':', integer.value());
            case Reply.Bulk bulk -> {
                writeHeader('$', bulk.data().length);
                out.write(bulk.data());
                out.write(CRLF);
            }
            case Reply.NullBulk _ -> out.write(NULL_BULK);
            case Reply.Array array -> {
                writeHeader('*', array.elements().size());
                for (Reply element : array.elements()) {
                    write(element);
                }
            }
            case Reply.NullArray _ -> out.write(NULL_ARRAY);
        }
    }

    private void writeLine(char type, String text) throws IOException {
        out.write(type);
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.write(CRLF);
    }

    private void writeHeader(char type, long value) throws IOException {
        out.write(type);
        int start = formatDecimal(value);
        out.write(digits, start, digits.length - start);
        out.write(CRLF);
    }

    /** Formats {@code value} right-aligned into {@link #digits}; returns where it starts. */
    private int formatDecimal(long value) {
        int at = digits.length;
        if (value == Long.MIN_VALUE) {
            byte[] min = Long.toString(value).getBytes(StandardCharsets.US_ASCII);
            at -= min.length;
            System.arraycopy(min, 0, digits, at, min.length);
            return at;
        }
        long rest = Math.abs(value);
        do {
            digits[--at] = (byte) ('0' + rest % 10);
            rest /= 10;
        } while (rest != 0);
        if (value < 0) {
            digits[--at] = '-';
        }
        return at;
    }
}
