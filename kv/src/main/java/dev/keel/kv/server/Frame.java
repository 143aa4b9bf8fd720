package dev.keel.kv.server;

import java.util.List;

/** What {@link RespParser#next()} found on the connection: a request, a protocol error, or the end. Immutable. */
sealed interface Frame {

    /** The client closed the connection (a request it left half-sent is dropped). */
    Frame END_OF_STREAM = new EndOfStream();

    /**
     * One command: its name and arguments, binary safe, at least one.
     *
     * @param args the name first, then the arguments; the arrays are owned by the request
     */
    record Request(List<byte[]> args) implements Frame {
        public Request {
            args = List.copyOf(args);
            if (args.isEmpty()) {
                throw new IllegalArgumentException("a request must have at least a command name");
            }
        }
    }

    /**
     * Bytes that are not RESP: the connection answers {@code -ERR } and this message, then closes, as Redis does.
     *
     * @param message Redis's wording where Redis has one, e.g. {@code Protocol error: invalid bulk length}
     */
    record ProtocolError(String message) implements Frame {}

    /** See {@link #END_OF_STREAM}. */
    record EndOfStream() implements Frame {}
}
