/**
 * keel's chat server, which speaks IRC so that real IRC clients (irssi, WeeChat, ii) use it, and a small IRC client.
 *
 * <p>Reading order: {@link dev.keel.chat.ChatServer} (the entry point) with {@link dev.keel.chat.ChatConfig};
 * {@link dev.keel.chat.ChatClient} (an IRC client over a real socket) with {@link dev.keel.chat.ChatMessage} and
 * {@link dev.keel.chat.ChatException}. The protocol codec is in {@code dev.keel.chat.protocol}, the server's
 * connections, registries and commands in {@code dev.keel.chat.server}; neither is exported.
 *
 * <p>Thread safety: the server and the client are thread-safe; configurations and messages are immutable.
 */
@NullMarked
package dev.keel.chat;

import org.jspecify.annotations.NullMarked;
