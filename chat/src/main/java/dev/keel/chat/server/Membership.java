package dev.keel.chat.server;

/**
 * A channel member's privileges, op and voice. Thread-safe: changed under the channel's lock, read without it
 * (volatile), so that the message path (is the sender voiced in a moderated channel?) takes no lock.
 */
final class Membership {
    private volatile boolean op;
    private volatile boolean voice;

    boolean op() {
        return op;
    }

    boolean voice() {
        return voice;
    }

    void op(boolean on) {
        op = on;
    }

    void voice(boolean on) {
        voice = on;
    }

    /** {@code @}, {@code +}, both ({@code @+}, with multi-prefix) or nothing. */
    String prefix(boolean multiPrefix) {
        if (op && voice && multiPrefix) {
            return "@+";
        }
        return op ? "@" : voice ? "+" : "";
    }
}
