package dev.keel.chat.server;

import dev.keel.chat.protocol.IrcMessage;
import dev.keel.chat.protocol.Numeric;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * JOIN, PART, TOPIC, NAMES, LIST, KICK and INVITE. Each checks what the Modern IRC document says it checks, in its
 * order, and answers a failure with the numeric it names. Stateless over the {@link Hub}; thread-safe.
 */
final class ChannelCommands {

    /** The most bytes of nicks in one 353 line, so that the line stays under 512 bytes with its prefix. */
    private static final int NAMES_PER_LINE_BYTES = 400;

    private static final DateTimeFormatter HISTORY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Hub hub;

    ChannelCommands(Hub hub) {
        this.hub = hub;
    }

    static boolean isValidChannel(String name) {
        if (name.length() < 2 || name.length() > Hub.CHANNELLEN || name.charAt(0) != '#') {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == ' ' || c == ',' || c == 7) {
                return false;
            }
        }
        return true;
    }

    void join(Client client, Command.Join join) {
        List<String> names = join.channels();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.equals("0")) {
                for (Channel channel : new ArrayList<>(client.channels())) {
                    channel.leave(
                            client,
                            IrcMessage.text(client.prefix(), "PART", channel.name(), client.nick())
                                    .encode());
                }
                continue;
            }
            if (!isValidChannel(name)) {
                hub.reply(client, Numeric.ERR_NOSUCHCHANNEL, name);
                continue;
            }
            if (client.channels().size() >= hub.config().maxChannelsPerClient()) {
                hub.reply(client, Numeric.ERR_TOOMANYCHANNELS, name);
                continue;
            }
            @Nullable String key = i < join.keys().size() ? join.keys().get(i) : null;
            joinOne(client, name, key);
        }
    }

    private void joinOne(Client client, String name, @Nullable String key) {
        while (true) {
            Channel channel = hub.channelForJoin(name);
            byte[] line =
                    IrcMessage.plain(client.prefix(), "JOIN", channel.name()).encode();
            Channel.JoinOutcome outcome = channel.join(client, key, line);
            switch (outcome) {
                case GONE -> {
                    continue;
                }
                case ALREADY_ON -> {}
                case JOINED -> {
                    topic(client, channel, false);
                    names(client, channel);
                    replayHistory(client, channel);
                }
                default -> hub.reply(client, java.util.Objects.requireNonNull(outcome.error), channel.name());
            }
            return;
        }
    }

    /**
     * Replays the channel's history as NOTICEs from the server to the channel, one per message, each
     * {@code [yyyy-MM-dd HH:mm:ss] <nick> text} in UTC; a CTCP ACTION as {@code * nick text}.
     */
    private void replayHistory(Client client, Channel channel) {
        for (History.Entry entry : channel.history().recent()) {
            String nick = entry.source().substring(0, Math.max(0, entry.source().indexOf('!')));
            String text = entry.text();
            String shown;
            if (text.startsWith("\u0001ACTION ") && text.endsWith("\u0001")) {
                shown = "* " + nick + " " + text.substring(8, text.length() - 1);
            } else if (entry.command().equals("NOTICE")) {
                shown = "-" + nick + "- " + text;
            } else {
                shown = "<" + nick + "> " + text;
            }
            String at = HISTORY_TIME.format(entry.at().atOffset(ZoneOffset.UTC));
            client.send(IrcMessage.text(hub.serverName(), "NOTICE", channel.name(), "[" + at + "] " + shown));
        }
    }

    void part(Client client, Command.Part part) {
        for (String name : part.channels()) {
            Channel channel = hub.channel(name);
            if (channel == null) {
                hub.reply(client, Numeric.ERR_NOSUCHCHANNEL, name);
                continue;
            }
            IrcMessage line = part.reason() == null
                    ? IrcMessage.plain(client.prefix(), "PART", channel.name())
                    : IrcMessage.text(client.prefix(), "PART", channel.name(), part.reason());
            if (!channel.leave(client, line.encode())) {
                hub.reply(client, Numeric.ERR_NOTONCHANNEL, channel.name());
            }
        }
    }

    void topic(Client client, Command.Topic command) {
        Channel channel = hub.channel(command.channel());
        if (channel == null) {
            hub.reply(client, Numeric.ERR_NOSUCHCHANNEL, command.channel());
            return;
        }
        String text = command.topic();
        if (text == null) {
            if (!channel.isMember(client) && channel.secret()) {
                hub.reply(client, Numeric.ERR_NOTONCHANNEL, channel.name());
                return;
            }
            topic(client, channel, true);
            return;
        }
        Membership membership = channel.membership(client);
        if (membership == null) {
            hub.reply(client, Numeric.ERR_NOTONCHANNEL, channel.name());
            return;
        }
        if (channel.topicLocked() && !membership.op()) {
            hub.reply(client, Numeric.ERR_CHANOPRIVSNEEDED, channel.name());
            return;
        }
        String topic = text.length() > Hub.TOPICLEN ? text.substring(0, Hub.TOPICLEN) : text;
        byte[] line =
                IrcMessage.text(client.prefix(), "TOPIC", channel.name(), topic).encode();
        channel.locked(() -> {
            channel.topic(topic.isEmpty() ? null : new Channel.Topic(topic, client.prefix(), hub.now()));
            channel.broadcast(line, null);
            return null;
        });
    }

    /** 332 and 333, or 331 when asked and there is none (a JOIN says nothing when there is none). */
    private void topic(Client client, Channel channel, boolean asked) {
        Channel.Topic topic = channel.topic();
        if (topic == null) {
            if (asked) {
                hub.reply(client, Numeric.RPL_NOTOPIC, channel.name());
            }
            return;
        }
        hub.replyText(client, Numeric.RPL_TOPIC, channel.name(), topic.text());
        client.send(IrcMessage.plain(
                hub.serverName(),
                Numeric.RPL_TOPICWHOTIME.code(),
                client.nick(),
                channel.name(),
                topic.setBy(),
                Long.toString(topic.at().getEpochSecond())));
    }

    void names(Client client, Command.Names command) {
        if (command.channels().isEmpty()) {
            hub.reply(client, Numeric.RPL_ENDOFNAMES, "*");
            return;
        }
        for (String name : command.channels()) {
            Channel channel = hub.channel(name);
            if (channel != null && (channel.isMember(client) || !channel.secret())) {
                names(client, channel);
            } else {
                hub.reply(client, Numeric.RPL_ENDOFNAMES, name);
            }
        }
    }

    /** 353 lines of at most {@value #NAMES_PER_LINE_BYTES} bytes of nicks, then 366. */
    private void names(Client client, Channel channel) {
        String symbol = channel.secret() ? "@" : "=";
        StringBuilder line = new StringBuilder();
        for (String name : channel.names(client.multiPrefix())) {
            if (!line.isEmpty() && line.length() + name.length() + 1 > NAMES_PER_LINE_BYTES) {
                hub.replyText(client, Numeric.RPL_NAMREPLY, symbol, channel.name(), line.toString());
                line.setLength(0);
            }
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(name);
        }
        if (!line.isEmpty()) {
            hub.replyText(client, Numeric.RPL_NAMREPLY, symbol, channel.name(), line.toString());
        }
        hub.reply(client, Numeric.RPL_ENDOFNAMES, channel.name());
    }

    void list(Client client, Command.ListChannels command) {
        hub.reply(client, Numeric.RPL_LISTSTART, "Channel");
        List<Channel> channels = new ArrayList<>();
        if (command.channels().isEmpty()) {
            channels.addAll(hub.channels());
        } else {
            for (String name : command.channels()) {
                Channel channel = hub.channel(name);
                if (channel != null) {
                    channels.add(channel);
                }
            }
        }
        for (Channel channel : channels) {
            if (channel.secret() && !channel.isMember(client)) {
                continue;
            }
            Channel.Topic topic = channel.topic();
            hub.replyText(
                    client,
                    Numeric.RPL_LIST,
                    channel.name(),
                    Integer.toString(channel.size()),
                    topic == null ? "" : topic.text());
        }
        hub.reply(client, Numeric.RPL_LISTEND);
    }

    void kick(Client client, Command.Kick kick) {
        Channel channel = hub.channel(kick.channel());
        if (channel == null) {
            hub.reply(client, Numeric.ERR_NOSUCHCHANNEL, kick.channel());
            return;
        }
        Membership membership = channel.membership(client);
        if (membership == null) {
            hub.reply(client, Numeric.ERR_NOTONCHANNEL, channel.name());
            return;
        }
        if (!membership.op()) {
            hub.reply(client, Numeric.ERR_CHANOPRIVSNEEDED, channel.name());
            return;
        }
        String reason = kick.reason() == null || kick.reason().isEmpty() ? client.nick() : kick.reason();
        if (reason.length() > Hub.KICKLEN) {
            reason = reason.substring(0, Hub.KICKLEN);
        }
        for (String nick : kick.nicks()) {
            Client target = hub.client(nick);
            byte[] line = target == null
                    ? new byte[0]
                    : IrcMessage.text(client.prefix(), "KICK", channel.name(), target.nick(), reason)
                            .encode();
            if (target == null || !channel.leave(target, line)) {
                hub.reply(client, Numeric.ERR_USERNOTINCHANNEL, nick, channel.name());
            }
        }
    }

    void invite(Client client, Command.Invite invite) {
        Client target = hub.client(invite.nick());
        if (target == null) {
            hub.reply(client, Numeric.ERR_NOSUCHNICK, invite.nick());
            return;
        }
        Channel channel = hub.channel(invite.channel());
        if (channel == null) {
            hub.reply(client, Numeric.ERR_NOSUCHCHANNEL, invite.channel());
            return;
        }
        Membership membership = channel.membership(client);
        if (membership == null) {
            hub.reply(client, Numeric.ERR_NOTONCHANNEL, channel.name());
            return;
        }
        if (channel.inviteOnly() && !membership.op()) {
            hub.reply(client, Numeric.ERR_CHANOPRIVSNEEDED, channel.name());
            return;
        }
        if (channel.isMember(target)) {
            hub.reply(client, Numeric.ERR_USERONCHANNEL, target.nick(), channel.name());
            return;
        }
        channel.locked(() -> {
            channel.invite(target);
            return null;
        });
        client.send(IrcMessage.plain(
                hub.serverName(), Numeric.RPL_INVITING.code(), client.nick(), target.nick(), channel.name()));
        target.send(IrcMessage.plain(client.prefix(), "INVITE", target.nick(), channel.name()));
        String away = target.away();
        if (away != null) {
            hub.replyText(client, Numeric.RPL_AWAY, target.nick(), away);
        }
    }
}
