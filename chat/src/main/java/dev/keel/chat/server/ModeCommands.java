package dev.keel.chat.server;

import dev.keel.chat.protocol.Casemapping;
import dev.keel.chat.protocol.IrcMessage;
import dev.keel.chat.protocol.Numeric;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * MODE: user mode {@code +i}; channel modes {@code +i +k +l +m +n +s +t} (flags and settings), {@code +o +v}
 * (privileges) and {@code +b} (bans, listed by {@code MODE #a b} with 367/368).
 *
 * <p>How a change is applied, and why: a mode string is parsed into changes first, consuming parameters as ISUPPORT
 * {@code CHANMODES=b,k,l,imnst} says (b and k take one both ways, l only when set, o and v always), at most
 * {@value #MAX_PARAM_MODES} parameterised changes a command ({@code MODES}). Then, holding the channel's lock, each
 * change that actually changes something is applied and the applied ones are broadcast as one MODE line, so members
 * see exactly what happened, in the same order as every other change to the channel. Stateless over the {@link Hub};
 * thread-safe.
 */
final class ModeCommands {

    static final int MAX_PARAM_MODES = 4;
    static final int MAX_BANS = 100;

    private record Change(boolean add, char mode, @Nullable String arg) {}

    private final Hub hub;

    ModeCommands(Hub hub) {
        this.hub = hub;
    }

    void mode(Client client, Command.Mode mode) {
        if (mode.target().startsWith("#")) {
            channelMode(client, mode);
        } else {
            userMode(client, mode);
        }
    }

    private void userMode(Client client, Command.Mode mode) {
        Client target = hub.client(mode.target());
        if (target == null) {
            hub.reply(client, Numeric.ERR_NOSUCHNICK, mode.target());
            return;
        }
        if (target != client) {
            hub.reply(client, Numeric.ERR_USERSDONTMATCH);
            return;
        }
        String modes = mode.modes();
        if (modes == null) {
            client.send(IrcMessage.plain(
                    hub.serverName(), Numeric.RPL_UMODEIS.code(), client.nick(), client.invisible() ? "+i" : "+"));
            return;
        }
        boolean add = true;
        boolean unknown = false;
        StringBuilder applied = new StringBuilder();
        for (char c : modes.toCharArray()) {
            switch (c) {
                case '+' -> add = true;
                case '-' -> add = false;
                case 'i' -> {
                    if (hub.invisible(client, add)) {
                        applied.append(add ? '+' : '-').append('i');
                    }
                }
                default -> unknown = true;
            }
        }
        if (unknown) {
            hub.reply(client, Numeric.ERR_UMODEUNKNOWNFLAG);
        }
        if (!applied.isEmpty()) {
            client.send(IrcMessage.text(client.nick(), "MODE", client.nick(), applied.toString()));
        }
    }

    private void channelMode(Client client, Command.Mode mode) {
        Channel channel = hub.channel(mode.target());
        if (channel == null) {
            hub.reply(client, Numeric.ERR_NOSUCHCHANNEL, mode.target());
            return;
        }
        String modes = mode.modes();
        if (modes == null) {
            List<String> params = new ArrayList<>(List.of(client.nick(), channel.name()));
            params.addAll(channel.modeReply(channel.isMember(client)));
            client.send(new IrcMessage(Map.of(), hub.serverName(), Numeric.RPL_CHANNELMODEIS.code(), params, false));
            client.send(IrcMessage.plain(
                    hub.serverName(),
                    Numeric.RPL_CREATIONTIME.code(),
                    client.nick(),
                    channel.name(),
                    Long.toString(channel.created().getEpochSecond())));
            return;
        }
        List<Change> changes = new ArrayList<>();
        boolean listBans = parse(client, modes, mode.args(), changes);
        if (listBans) {
            banList(client, channel);
        }
        if (changes.isEmpty()) {
            return;
        }
        Membership membership = channel.membership(client);
        if (membership == null || !membership.op()) {
            hub.reply(client, Numeric.ERR_CHANOPRIVSNEEDED, channel.name());
            return;
        }
        channel.locked(() -> {
            apply(client, channel, changes);
            return null;
        });
    }

    /** Parses {@code modes} into {@code changes}; returns whether the ban list was asked for. */
    private boolean parse(Client client, String modes, List<String> args, List<Change> changes) {
        boolean add = true;
        boolean listBans = false;
        int next = 0;
        int withParam = 0;
        for (char c : modes.toCharArray()) {
            switch (c) {
                case '+' -> add = true;
                case '-' -> add = false;
                case 'i', 'm', 'n', 's', 't' -> changes.add(new Change(add, c, null));
                case 'o', 'v', 'b', 'k', 'l' -> {
                    boolean takes = c != 'l' || add;
                    if (!takes) {
                        changes.add(new Change(add, c, null));
                    } else if (next < args.size()) {
                        if (++withParam <= MAX_PARAM_MODES) {
                            changes.add(new Change(add, c, args.get(next)));
                        }
                        next++;
                    } else if (c == 'b') {
                        listBans = true;
                    } else if (c == 'k' && !add) {
                        changes.add(new Change(false, 'k', null));
                    }
                }
                default -> hub.reply(client, Numeric.ERR_UNKNOWNMODE, String.valueOf(c));
            }
        }
        return listBans;
    }

    // Runs under the channel's lock.
    private void apply(Client client, Channel channel, List<Change> changes) {
        StringBuilder applied = new StringBuilder();
        List<String> appliedArgs = new ArrayList<>();
        char sign = 0;
        for (Change change : changes) {
            @Nullable String arg = applyOne(client, channel, change);
            if (arg == null) {
                continue;
            }
            char wanted = change.add() ? '+' : '-';
            if (wanted != sign) {
                applied.append(wanted);
                sign = wanted;
            }
            applied.append(change.mode());
            if (!arg.isEmpty()) {
                appliedArgs.add(arg);
            }
        }
        if (applied.isEmpty()) {
            return;
        }
        List<String> params = new ArrayList<>();
        params.add(channel.name());
        params.add(applied.toString());
        params.addAll(appliedArgs);
        channel.broadcast(new IrcMessage(Map.of(), client.prefix(), "MODE", params, false).encode(), null);
    }

    /** Applies one change; returns null if nothing changed, else the argument to show ("" for none). */
    private @Nullable String applyOne(Client client, Channel channel, Change change) {
        boolean add = change.add();
        String arg = change.arg();
        return switch (change.mode()) {
            case 'i' -> flag(channel.inviteOnly(), add, () -> channel.inviteOnly(add));
            case 'm' -> flag(channel.moderated(), add, () -> channel.moderated(add));
            case 'n' -> flag(channel.noExternal(), add, () -> channel.noExternal(add));
            case 's' -> flag(channel.secret(), add, () -> channel.secret(add));
            case 't' -> flag(channel.topicLocked(), add, () -> channel.topicLocked(add));
            case 'k' -> key(channel, add, arg);
            case 'l' -> limit(channel, add, arg);
            case 'o', 'v' -> privilege(client, channel, change);
            case 'b' -> ban(client, channel, add, java.util.Objects.requireNonNull(arg));
            default -> null;
        };
    }

    private static @Nullable String flag(boolean current, boolean add, Runnable set) {
        if (current == add) {
            return null;
        }
        set.run();
        return "";
    }

    private static @Nullable String key(Channel channel, boolean add, @Nullable String arg) {
        if (!add) {
            if (channel.key() == null) {
                return null;
            }
            channel.key(null);
            return "*";
        }
        if (arg == null || arg.isEmpty() || arg.contains(",") || arg.length() > 23 || arg.equals(channel.key())) {
            return null;
        }
        channel.key(arg);
        return arg;
    }

    private static @Nullable String limit(Channel channel, boolean add, @Nullable String arg) {
        if (!add) {
            if (channel.limit() == 0) {
                return null;
            }
            channel.limit(0);
            return "";
        }
        int limit;
        try {
            limit = Integer.parseInt(java.util.Objects.requireNonNull(arg));
        } catch (NumberFormatException e) {
            return null;
        }
        if (limit <= 0 || limit == channel.limit()) {
            return null;
        }
        channel.limit(limit);
        return Integer.toString(limit);
    }

    private @Nullable String privilege(Client client, Channel channel, Change change) {
        String nick = java.util.Objects.requireNonNull(change.arg());
        Client target = hub.client(nick);
        if (target == null) {
            hub.reply(client, Numeric.ERR_NOSUCHNICK, nick);
            return null;
        }
        Membership membership = channel.membership(target);
        if (membership == null) {
            hub.reply(client, Numeric.ERR_USERNOTINCHANNEL, target.nick(), channel.name());
            return null;
        }
        boolean op = change.mode() == 'o';
        boolean current = op ? membership.op() : membership.voice();
        if (current == change.add()) {
            return null;
        }
        if (op) {
            membership.op(change.add());
        } else {
            membership.voice(change.add());
        }
        return target.nick();
    }

    private @Nullable String ban(Client client, Channel channel, boolean add, String arg) {
        String mask = Mask.normalizeBan(arg);
        List<Channel.Ban> bans = channel.bans();
        boolean present = bans.stream().anyMatch(ban -> Casemapping.equals(ban.mask(), mask));
        if (add) {
            if (present || bans.size() >= MAX_BANS) {
                return null;
            }
            bans.add(new Channel.Ban(mask, client.prefix(), hub.now()));
            return mask;
        }
        if (!present) {
            return null;
        }
        bans.removeIf(ban -> Casemapping.equals(ban.mask(), mask));
        return mask;
    }

    private void banList(Client client, Channel channel) {
        List<Channel.Ban> bans = channel.locked(() -> List.copyOf(channel.bans()));
        for (Channel.Ban ban : bans) {
            client.send(IrcMessage.plain(
                    hub.serverName(),
                    Numeric.RPL_BANLIST.code(),
                    client.nick(),
                    channel.name(),
                    ban.mask(),
                    ban.setBy(),
                    Long.toString(ban.at().getEpochSecond())));
        }
        hub.reply(client, Numeric.RPL_ENDOFBANLIST, channel.name());
    }
}
