package dev.keel.chat.server;

import dev.keel.chat.protocol.IrcMessage;
import dev.keel.chat.protocol.Numeric;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * WHO, WHOIS, USERHOST, ISON and AWAY: questions about users, answered from the registries by lookup (a WHO with a
 * wildcard mask is the one search over all nicks). Stateless over the {@link Hub}; thread-safe.
 */
final class QueryCommands {

    private static final int USERHOST_MAX = 5;

    private final Hub hub;

    QueryCommands(Hub hub) {
        this.hub = hub;
    }

    void who(Client client, Command.Who who) {
        String mask = who.mask();
        if (mask.startsWith("#")) {
            Channel channel = hub.channel(mask);
            if (channel != null && (channel.isMember(client) || !channel.secret())) {
                boolean member = channel.isMember(client);
                for (Client target : channel.members()) {
                    if (member || !target.invisible()) {
                        Membership membership = channel.membership(target);
                        whoReply(client, channel.name(), target, membership);
                    }
                }
            }
        } else if (mask.indexOf('*') < 0 && mask.indexOf('?') < 0) {
            Client target = hub.client(mask);
            if (target != null && target.registered()) {
                whoReply(client, "*", target, null);
            }
        } else {
            for (Client target : hub.clients()) {
                if (target.registered()
                        && (target == client || !target.invisible())
                        && Mask.matches(mask, target.nick())) {
                    whoReply(client, "*", target, null);
                }
            }
        }
        hub.reply(client, Numeric.RPL_ENDOFWHO, mask);
    }

    private void whoReply(
            Client client, String channel, Client target, @org.jspecify.annotations.Nullable Membership membership) {
        String flags = (target.away() == null ? "H" : "G")
                + (membership == null ? "" : membership.prefix(client.multiPrefix()));
        hub.replyText(
                client,
                Numeric.RPL_WHOREPLY,
                channel,
                target.user(),
                target.host(),
                hub.serverName(),
                target.nick(),
                flags,
                "0 " + target.realname());
    }

    void whois(Client client, Command.Whois whois) {
        Client target = hub.client(whois.nick());
        if (target == null || !target.registered()) {
            hub.reply(client, Numeric.ERR_NOSUCHNICK, whois.nick());
            hub.reply(client, Numeric.RPL_ENDOFWHOIS, whois.nick());
            return;
        }
        String nick = target.nick();
        hub.replyText(client, Numeric.RPL_WHOISUSER, nick, target.user(), target.host(), "*", target.realname());
        List<String> channels = new ArrayList<>();
        List<Channel> in = new ArrayList<>(target.channels());
        in.sort(java.util.Comparator.comparing(Channel::name));
        for (Channel channel : in) {
            Membership membership = channel.membership(target);
            if (membership != null && (!channel.secret() || channel.isMember(client))) {
                channels.add(membership.prefix(client.multiPrefix()) + channel.name());
            }
        }
        if (!channels.isEmpty()) {
            hub.replyText(client, Numeric.RPL_WHOISCHANNELS, nick, String.join(" ", channels));
        }
        hub.replyText(client, Numeric.RPL_WHOISSERVER, nick, hub.serverName(), "keel chat server");
        String away = target.away();
        if (away != null) {
            hub.replyText(client, Numeric.RPL_AWAY, nick, away);
        }
        long idle = TimeUnit.NANOSECONDS.toSeconds(Math.max(0, hub.nanos() - target.lastActivityNanos()));
        hub.reply(
                client,
                Numeric.RPL_WHOISIDLE,
                nick,
                Long.toString(idle),
                Long.toString(target.signon().getEpochSecond()));
        hub.reply(client, Numeric.RPL_ENDOFWHOIS, nick);
    }

    void userhost(Client client, Command.Userhost userhost) {
        List<String> replies = new ArrayList<>();
        for (String nick : userhost.nicks()
                .subList(0, Math.min(USERHOST_MAX, userhost.nicks().size()))) {
            Client target = hub.client(nick);
            if (target != null && target.registered()) {
                replies.add(target.nick() + "=" + (target.away() == null ? "+" : "-") + target.user() + "@"
                        + target.host());
            }
        }
        hub.replyText(client, Numeric.RPL_USERHOST, String.join(" ", replies));
    }

    void ison(Client client, Command.Ison ison) {
        List<String> online = new ArrayList<>();
        for (String nick : ison.nicks()) {
            Client target = hub.client(nick);
            if (target != null && target.registered()) {
                online.add(target.nick());
            }
        }
        hub.replyText(client, Numeric.RPL_ISON, String.join(" ", online));
    }

    void away(Client client, Command.Away away) {
        String message = away.message();
        if (message == null) {
            client.away(null);
            hub.reply(client, Numeric.RPL_UNAWAY);
            return;
        }
        client.away(message.length() > Hub.AWAYLEN ? message.substring(0, Hub.AWAYLEN) : message);
        hub.reply(client, Numeric.RPL_NOWAWAY);
    }

    void ping(Client client, Command.Ping ping) {
        client.send(IrcMessage.text(hub.serverName(), "PONG", hub.serverName(), ping.token()));
    }
}
