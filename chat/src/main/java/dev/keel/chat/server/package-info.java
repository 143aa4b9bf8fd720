/**
 * The IRC server's internals: connections, the nick and channel registries, and the commands.
 *
 * <p>Reading order: {@link dev.keel.chat.server.IrcServer} (accepting, keepalive, shutdown); {@code Connection} (a
 * client's reader and writer threads) with {@code SendQueue} (bounded outgoing bytes), {@code SendLoop} (the writer,
 * which coalesces a busy client's lines into one socket write per interval) and {@code FloodGate} (RFC 1459
 * flood control on keel-ratelimit); {@code Client} (what others see of a client); {@code Hub} (the registries and
 * replies) and {@code Channel} (members, modes, topic, bans) with {@code History} and {@code Mask}; then the commands:
 * {@code CommandParser} into {@code Command} records, {@code Dispatcher}, and {@code Registration} (CAP, PASS, NICK,
 * USER) with {@code Greeting} (001-005, LUSERS, MOTD), {@code ChannelCommands}, {@code MessageCommands},
 * {@code ModeCommands} and {@code QueryCommands}.
 *
 * <p>Thread safety: each connection's parsing, registration state and flood gate are confined to its reader thread;
 * what other connections read of a client is volatile or concurrent; the registries are concurrent maps; a channel's
 * membership and mode changes hold that channel's lock (and nothing else), while messages to a channel read an
 * immutable snapshot of its members and take no lock but each recipient's send queue. There is no lock shared by all
 * clients on the message path.
 */
@NullMarked
package dev.keel.chat.server;

import org.jspecify.annotations.NullMarked;
