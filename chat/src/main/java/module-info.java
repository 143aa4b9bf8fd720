/**
 * keel's chat server: an IRC server and an IRC client in {@code dev.keel.chat}; the protocol codec
 * ({@code dev.keel.chat.protocol}) and the server's internals ({@code dev.keel.chat.server}) are not exported.
 */
module dev.keel.chat {
    requires transitive dev.keel.time;
    requires transitive dev.keel.ratelimit;
    requires static transitive org.jspecify;

    exports dev.keel.chat;
}
