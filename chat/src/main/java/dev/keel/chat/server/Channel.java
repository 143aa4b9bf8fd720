package dev.keel.chat.server;

import dev.keel.chat.protocol.Casemapping;
import dev.keel.chat.protocol.Numeric;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One channel: its members with their op and voice, its modes, topic, bans, invitations and history.
 *
 * <p>How it is designed, and why: the message path (PRIVMSG to a channel) must not take a lock shared by channels,
 * and should not take even this channel's. So membership is published twice: a {@link ConcurrentHashMap} from client
 * to {@link Membership} for lookups (is the sender a member, is it voiced) and an immutable array snapshot for fan-out,
 * replaced on every join and part (copy-on-write: messages are far more frequent than joins). Modes and the topic are
 * volatile. Everything that changes membership or modes holds this channel's lock, and a change that others see (JOIN,
 * PART, KICK, MODE, TOPIC) is broadcast while holding it, so every member sees those in one order and a joiner sees its
 * own JOIN before any message sent after it joined. Messages take no lock: a message is sent to the snapshot read when
 * it was sent, so a member that joined before that read receives it, and messages from one sender arrive in the order
 * sent (the sender's connection sends them in order and each recipient's queue is FIFO).
 *
 * <p>An empty channel is removed from the registry and marked dead under its lock; a JOIN that finds a dead channel
 * looks it up again (the registry's {@code computeIfAbsent} makes a new one), so no join is lost to the race.
 *
 * <p>Thread-safe.
 */
final class Channel {

    record Topic(String text, String setBy, Instant at) {}

    record Ban(String mask, String setBy, Instant at) {}

    /** The outcome of a JOIN. */
    enum JoinOutcome {
        JOINED(null),
        ALREADY_ON(null),
        /** The channel emptied and was removed meanwhile: look it up again. */
        GONE(null),
        FULL(Numeric.ERR_CHANNELISFULL),
        INVITE_ONLY(Numeric.ERR_INVITEONLYCHAN),
        BANNED(Numeric.ERR_BANNEDFROMCHAN),
        BAD_KEY(Numeric.ERR_BADCHANNELKEY);

        final @Nullable Numeric error;

        JoinOutcome(@Nullable Numeric error) {
            this.error = error;
        }
    }

    private static final Client[] NONE = new Client[0];

    private final String name;
    private final String folded;
    private final InstantSource clock;
    private final Instant created;
    private final ConcurrentMap<String, Channel> registry;
    private final History history;
    private final ReentrantLock lock = new ReentrantLock();
    private final ConcurrentMap<Client, Membership> members = new ConcurrentHashMap<>();
    private volatile Client[] snapshot = NONE;

    // Changed under the lock; read without it (a ban check on the message path).
    private final List<Ban> bans = new CopyOnWriteArrayList<>();
    // @GuardedBy("lock")
    private final Set<Client> invited = new HashSet<>();
    // @GuardedBy("lock")
    private boolean dead;

    private volatile boolean inviteOnly;
    private volatile boolean moderated;
    private volatile boolean noExternal = true;
    private volatile boolean secret;
    private volatile boolean topicLocked = true;
    private volatile @Nullable String key;
    private volatile int limit;
    private volatile @Nullable Topic topic;

    Channel(String name, InstantSource clock, ConcurrentMap<String, Channel> registry, int historySize) {
        this.name = name;
        this.folded = Casemapping.fold(name);
        this.clock = clock;
        this.created = clock.instant();
        this.registry = registry;
        this.history = new History(historySize);
    }

    String name() {
        return name;
    }

    Instant created() {
        return created;
    }

    History history() {
        return history;
    }

    /** Adds {@code client} unless a mode forbids it; on success every member, the joiner too, gets {@code joinLine}. */
    JoinOutcome join(Client client, @Nullable String givenKey, byte[] joinLine) {
        lock.lock();
        try {
            if (dead) {
                return JoinOutcome.GONE;
            }
            if (members.containsKey(client)) {
                return JoinOutcome.ALREADY_ON;
            }
            boolean isInvited = invited.contains(client);
            if (limit > 0 && members.size() >= limit) {
                return JoinOutcome.FULL;
            }
            if (inviteOnly && !isInvited) {
                return JoinOutcome.INVITE_ONLY;
            }
            String currentKey = key;
            if (currentKey != null && !currentKey.equals(givenKey)) {
                return JoinOutcome.BAD_KEY;
            }
            if (!isInvited && isBanned(client)) {
                return JoinOutcome.BANNED;
            }
            invited.remove(client);
            Membership membership = new Membership();
            membership.op(members.isEmpty());
            members.put(client, membership);
            client.channels().add(this);
            snapshot = members.keySet().toArray(NONE);
            broadcast(joinLine, null);
            return JoinOutcome.JOINED;
        } finally {
            lock.unlock();
        }
    }

    /** Sends {@code line} to every member, {@code leaver} too, then removes it; false if it was not a member. */
    boolean leave(Client leaver, byte[] line) {
        lock.lock();
        try {
            if (!members.containsKey(leaver)) {
                return false;
            }
            broadcast(line, null);
            remove(leaver);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Removes a quitting client and adds the members left to {@code peers}, who are told once, by the caller. */
    void quit(Client quitter, Set<Client> peers) {
        lock.lock();
        try {
            if (members.containsKey(quitter)) {
                remove(quitter);
                for (Client member : snapshot) {
                    peers.add(member);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    // @GuardedBy("lock")
    private void remove(Client client) {
        members.remove(client);
        client.channels().remove(this);
        invited.remove(client);
        snapshot = members.keySet().toArray(NONE);
        if (members.isEmpty()) {
            dead = true;
            registry.remove(folded, this);
        }
    }

    /**
     * Sends an encoded line to every member but {@code except} (null: everyone), tagged with the time once for all the
     * members that negotiated {@code server-time}. Takes no lock.
     */
    void broadcast(byte[] line, @Nullable Client except) {
        byte @Nullable [] tagged = null;
        for (Client member : snapshot) {
            if (member == except) {
                continue;
            }
            if (member.serverTime() && tagged == null) {
                tagged = ServerTime.tag(clock.instant(), line);
            }
            member.sendLine(line, tagged == null ? line : tagged);
        }
    }

    /** Runs {@code change} holding the channel's lock: for mode and topic changes and their broadcast. */
    <T> T locked(Supplier<T> change) {
        lock.lock();
        try {
            return change.get();
        } finally {
            lock.unlock();
        }
    }

    @Nullable
    Membership membership(Client client) {
        return members.get(client);
    }

    boolean isMember(Client client) {
        return members.containsKey(client);
    }

    /** The members now (a snapshot). */
    Client[] members() {
        return snapshot;
    }

    int size() {
        return snapshot.length;
    }

    /** Each member's nick with its prefix, for NAMES. */
    List<String> names(boolean multiPrefix) {
        List<String> names = new ArrayList<>(members.size());
        for (Map.Entry<Client, Membership> member : members.entrySet()) {
            names.add(member.getValue().prefix(multiPrefix) + member.getKey().nick());
        }
        return names;
    }

    /** Whether {@code client} may send to the channel, and if not the 404 it gets. */
    boolean canSend(Client client) {
        Membership membership = members.get(client);
        if (membership == null) {
            return !noExternal && !moderated && (bans.isEmpty() || !isBanned(client));
        }
        if (moderated && !membership.op() && !membership.voice()) {
            return false;
        }
        return membership.op() || membership.voice() || bans.isEmpty() || !isBanned(client);
    }

    private boolean isBanned(Client client) {
        String source = client.prefix();
        for (Ban ban : bans) {
            if (Mask.matches(ban.mask(), source)) {
                return true;
            }
        }
        return false;
    }

    // Modes. Setters are called under the lock (through locked(...)); reads are lock-free.

    boolean inviteOnly() {
        return inviteOnly;
    }

    void inviteOnly(boolean on) {
        inviteOnly = on;
    }

    boolean moderated() {
        return moderated;
    }

    void moderated(boolean on) {
        moderated = on;
    }

    boolean noExternal() {
        return noExternal;
    }

    void noExternal(boolean on) {
        noExternal = on;
    }

    boolean secret() {
        return secret;
    }

    void secret(boolean on) {
        secret = on;
    }

    boolean topicLocked() {
        return topicLocked;
    }

    void topicLocked(boolean on) {
        topicLocked = on;
    }

    @Nullable
    String key() {
        return key;
    }

    void key(@Nullable String key) {
        this.key = key;
    }

    int limit() {
        return limit;
    }

    void limit(int limit) {
        this.limit = limit;
    }

    @Nullable
    Topic topic() {
        return topic;
    }

    void topic(@Nullable Topic topic) {
        this.topic = topic;
    }

    /** The ban list: changed under the lock, read by anyone. */
    List<Ban> bans() {
        return bans;
    }

    /** Under the lock: remembers that {@code client} was invited, which lets it past +i, +b. */
    void invite(Client client) {
        invited.add(client);
    }

    /** The mode string ({@code +ntk}) and its arguments, for 324; the key is shown to members only. */
    List<String> modeReply(boolean showKey) {
        StringBuilder modes = new StringBuilder("+");
        List<String> args = new ArrayList<>();
        if (inviteOnly) {
            modes.append('i');
        }
        String currentKey = key;
        if (currentKey != null) {
            modes.append('k');
            args.add(showKey ? currentKey : "*");
        }
        int currentLimit = limit;
        if (currentLimit > 0) {
            modes.append('l');
            args.add(Integer.toString(currentLimit));
        }
        if (moderated) {
            modes.append('m');
        }
        if (noExternal) {
            modes.append('n');
        }
        if (secret) {
            modes.append('s');
        }
        if (topicLocked) {
            modes.append('t');
        }
        List<String> reply = new ArrayList<>();
        reply.add(modes.toString());
        reply.addAll(args);
        return reply;
    }

    @Override
    public String toString() {
        return "Channel[" + name + ", " + size() + " members]";
    }
}
