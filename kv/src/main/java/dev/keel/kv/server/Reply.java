package dev.keel.kv.server;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A RESP2 reply, as {@link RespWriter} encodes it. Text (simple strings, errors) is ISO-8859-1, so that client bytes
 * quoted back in an error (an unknown command's name) reach the client exactly as sent, as Redis does. Immutable.
 */
sealed interface Reply {

    Reply OK = new Simple("OK");
    Reply PONG = new Simple("PONG");
    Reply NULL_BULK = new NullBulk();
    Reply NULL_ARRAY = new NullArray();
    Reply EMPTY_ARRAY = new Array(List.of());
    Reply ZERO = new Int(0);
    Reply ONE = new Int(1);

    /** A bulk string of {@code text}'s ISO-8859-1 bytes. */
    static Reply bulk(String text) {
        return new Bulk(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A bulk string of {@code bytes}, or a null bulk if they are null. */
    static Reply bulkOrNull(byte @Nullable [] bytes) {
        return bytes == null ? NULL_BULK : new Bulk(bytes);
    }

    /** {@code +text}: a status line. Our own text only, so a CR or LF in it is a bug and is refused. */
    record Simple(String text) implements Reply {
        public Simple {
            if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("simple string " + text.strip() + " must not hold CR or LF");
            }
        }
    }

    /**
     * {@code -message}: the message starts with the error code ({@code ERR}, {@code NOPROTO}, ...). It may quote client
     * bytes, so CR and LF become spaces, as Redis's {@code addReplyErrorLength} does.
     */
    record Error(String message) implements Reply {
        public Error {
            message = message.replace('\r', ' ').replace('\n', ' ');
        }
    }

    /** {@code :value}. */
    record Int(long value) implements Reply {}

    /** {@code $length} and the bytes: binary safe. The array is not copied: callers hand over arrays they own. */
    record Bulk(byte[] data) implements Reply {
        public Bulk {
            Objects.requireNonNull(data, "data");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Bulk that && Arrays.equals(data, that.data);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Bulk[" + new String(data, StandardCharsets.ISO_8859_1) + "]";
        }
    }

    /** {@code $-1}: no value (GET of a missing key). */
    record NullBulk() implements Reply {}

    /** {@code *count} and the elements. */
    record Array(List<Reply> elements) implements Reply {
        public Array {
            elements = List.copyOf(elements);
        }
    }

    /** {@code *-1}. */
    record NullArray() implements Reply {}
}
