package dev.keel.chat.server;

import dev.keel.chat.ChatConfig;
import dev.keel.chat.protocol.Casemapping;
import dev.keel.chat.protocol.IrcMessage;
import dev.keel.chat.protocol.Numeric;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The state every connection shares: the nick and channel registries, the counts LUSERS reports, and how replies are
 * addressed.
 *
 * <p>How it is designed, and why: nicks and channels are looked up by their RFC 1459 folded names in
 * {@link ConcurrentHashMap}s, so a lookup is one hash probe and never a scan, and no lock is shared by all clients.
 * Claiming a nick is one {@code putIfAbsent}, so two clients racing for a nick cannot both win. Everything a client
 * does to a channel goes through that channel's own lock ({@link Channel}).
 *
 * <p>Thread-safe.
 */
final class Hub {

    static final String VERSION = "keel-0.1.0";
    static final String USER_MODES = "i";
    static final String CHANNEL_MODES = "biklmnostv";
    static final String CHANNEL_MODES_WITH_PARAM = "bklov";
    static final int NICKLEN = 30;
    static final int CHANNELLEN = 50;
    static final int TOPICLEN = 390;
    static final int KICKLEN = 255;
    static final int AWAYLEN = 200;

    private final ChatConfig config;
    private final Instant created;
    private final ConcurrentMap<String, Client> nicks = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Channel> channels = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger users = new AtomicInteger();
    private final AtomicInteger invisible = new AtomicInteger();

    Hub(ChatConfig config) {
        this.config = config;
        this.created = config.clock().instant();
    }

    ChatConfig config() {
        return config;
    }

    String serverName() {
        return config.serverName();
    }

    Instant created() {
        return created;
    }

    Instant now() {
        return config.clock().instant();
    }

    long nanos() {
        return config.ticker().read();
    }

    /** The ISUPPORT tokens of 005, in the order sent. */
    List<String> isupport() {
        return List.of(
                "AWAYLEN=" + AWAYLEN,
                "CASEMAPPING=rfc1459",
                "CHANLIMIT=#:" + config.maxChannelsPerClient(),
                "CHANMODES=b,k,l,imnst",
                "CHANNELLEN=" + CHANNELLEN,
                "CHANTYPES=#",
                "KICKLEN=" + KICKLEN,
                "MODES=4",
                "NETWORK=" + config.networkName(),
                "NICKLEN=" + NICKLEN,
                "PREFIX=(ov)@+",
                "TARGMAX=JOIN:,KICK:1,NAMES:1,NOTICE:4,PART:,PRIVMSG:4,WHOIS:1",
                "TOPICLEN=" + TOPICLEN);
    }

    // Replies.

    /** {@code :server NUMERIC nick params... [:fixed text]}. */
    IrcMessage numeric(Client to, Numeric numeric, String... params) {
        List<String> all = new ArrayList<>(params.length + 2);
        all.add(to.nick());
        all.addAll(List.of(params));
        String text = numeric.text();
        if (text != null) {
            all.add(text);
        }
        return new IrcMessage(Map.of(), serverName(), numeric.code(), all, text != null);
    }

    void reply(Client to, Numeric numeric, String... params) {
        to.send(numeric(to, numeric, params));
    }

    /** A numeric whose last parameter is text the caller computed. */
    void replyText(Client to, Numeric numeric, String... params) {
        List<String> all = new ArrayList<>(params.length + 1);
        all.add(to.nick());
        all.addAll(List.of(params));
        to.send(new IrcMessage(Map.of(), serverName(), numeric.code(), all, true));
    }

    // Nicks.

    @Nullable
    Client client(String nick) {
        return nicks.get(Casemapping.fold(nick));
    }

    /** Gives {@code nick} to {@code client}, freeing its old one; false if another client holds it. */
    boolean claimNick(Client client, String nick) {
        String key = Casemapping.fold(nick);
        Client holder = nicks.putIfAbsent(key, client);
        if (holder != null && holder != client) {
            return false;
        }
        String old = client.nickOrNull();
        if (old != null && !Casemapping.fold(old).equals(key)) {
            nicks.remove(Casemapping.fold(old), client);
        }
        client.nick(nick);
        return true;
    }

    /** Every client holding a nick, for a WHO with a wildcard mask (an explicit search, not a lookup). */
    Collection<Client> clients() {
        return nicks.values();
    }

    // Channels.

    @Nullable
    Channel channel(String name) {
        return channels.get(Casemapping.fold(name));
    }

    /** The channel named {@code name}, made if it does not exist. */
    Channel channelForJoin(String name) {
        return channels.computeIfAbsent(
                Casemapping.fold(name), key -> new Channel(name, config.clock(), channels, config.historySize()));
    }

    Collection<Channel> channels() {
        return channels.values();
    }

    // Counts.

    int connectionOpened() {
        return connections.incrementAndGet();
    }

    int connections() {
        return connections.get();
    }

    void registered() {
        users.incrementAndGet();
    }

    int users() {
        return users.get();
    }

    int invisibleUsers() {
        return invisible.get();
    }

    /** Sets a client's +i and keeps the LUSERS count; false if it was already so. */
    boolean invisible(Client client, boolean on) {
        if (client.invisible() == on) {
            return false;
        }
        client.invisible(on);
        invisible.addAndGet(on ? 1 : -1);
        return true;
    }

    /**
     * Runs on the leaving client's own event loop: leaves every channel, tells each peer once, frees the nick and
     * closes the send queue with {@code ERROR}.
     */
    void disconnect(Client client) {
        String reason = client.quitReason();
        if (reason == null) {
            client.quit("Connection closed");
            reason = client.quitReason();
        }
        Set<Client> peers = new HashSet<>();
        for (Channel channel : List.copyOf(client.channels())) {
            channel.quit(client, peers);
        }
        peers.remove(client);
        if (client.registered()) {
            byte[] quit = IrcMessage.text(client.prefix(), "QUIT", String.valueOf(reason))
                    .encode();
            for (Client peer : peers) {
                peer.sendLine(quit);
            }
            users.decrementAndGet();
            invisible(client, false);
        }
        String nick = client.nickOrNull();
        if (nick != null) {
            nicks.remove(Casemapping.fold(nick), client);
        }
        connections.decrementAndGet();
        client.queue()
                .close(IrcMessage.text(null, "ERROR", "Closing Link: " + client.host() + " (" + reason + ")")
                        .encode());
    }
}
