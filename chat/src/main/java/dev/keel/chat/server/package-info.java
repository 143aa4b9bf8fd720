/**
 * The IRC server's internals: the event-loop transport, the nick and channel registries, and the commands.
 *
 * <p>Reading order: {@link dev.keel.chat.server.IrcServer} (accepting, shutdown, {@code sweep}); {@code EventLoop} (a
 * selector thread per core: read, run, then one write per client per iteration) with {@code Timers} (flood delays,
 * keepalive, the close grace on the injected ticker) and {@code WriteRounds} (busy clients' writes coalesced into
 * loop-wide rounds); {@code Connection} (one client's reading, flood control and
 * writing on its loop) with {@code SendQueue} (bounded outgoing bytes any loop may add to) and {@code FloodGate}
 * (RFC 1459 flood control on keel-ratelimit); {@code Client} (what others see of a client); {@code Hub} (the registries
 * and replies) and {@code Channel} (members, modes, topic, bans) with {@code History} and {@code Mask}; then the
 * commands: {@code CommandParser} into {@code Command} records, {@code Dispatcher}, and {@code Registration} (CAP, PASS,
 * NICK, USER) with {@code Greeting} (001-005, LUSERS, MOTD), {@code ChannelCommands}, {@code MessageCommands},
 * {@code ModeCommands} and {@code QueryCommands}.
 *
 * <p>Thread safety: each connection's parsing, registration state, flood gate, timers and write state are confined to
 * its event loop's thread; what other connections read of a client is volatile or concurrent; the registries are
 * concurrent maps; a channel's membership and mode changes hold that channel's lock (and nothing else), while messages
 * to a channel read an immutable snapshot of its members and take no lock but each recipient's send queue. There is no
 * lock shared by all clients on the message path, and no loop ever waits for another.
 */
@NullMarked
package dev.keel.chat.server;

import org.jspecify.annotations.NullMarked;
