package dev.keel.chat;

import java.util.Objects;

/**
 * A message a {@link ChatClient} received: a PRIVMSG or a NOTICE, to a channel or to the client itself.
 *
 * <p>Immutable and thread-safe.
 *
 * @param sender the sender's nick, or the server's name for a message from the server (channel history is replayed
 *     as NOTICEs from the server)
 * @param target the channel, or the receiving client's own nick for a private message
 * @param text the text
 * @param notice whether it was a NOTICE rather than a PRIVMSG
 */
public record ChatMessage(String sender, String target, String text, boolean notice) {

    public ChatMessage {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(text, "text");
    }

    /** Whether it was sent to the client itself rather than to a channel. */
    public boolean isPrivate() {
        return !target.startsWith("#");
    }
}
