package dev.keel.chat.server;

import dev.keel.chat.protocol.Numeric;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The welcome burst (001-005), LUSERS (251-255) and MOTD (375/372/376 or 422). Stateless over the {@link Hub}. */
final class Greeting {

    /** ISUPPORT tokens per 005 line: the Modern document allows up to 13. */
    private static final int TOKENS_PER_LINE = 13;

    private final Hub hub;

    Greeting(Hub hub) {
        this.hub = hub;
    }

    void welcome(Client client) {
        String server = hub.serverName();
        hub.replyText(
                client,
                Numeric.RPL_WELCOME,
                "Welcome to the " + hub.config().networkName() + " Network, " + client.prefix());
        hub.replyText(client, Numeric.RPL_YOURHOST, "Your host is " + server + ", running version " + Hub.VERSION);
        hub.replyText(
                client,
                Numeric.RPL_CREATED,
                "This server was created "
                        + DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                hub.created().atOffset(ZoneOffset.UTC)));
        client.send(dev.keel.chat.protocol.IrcMessage.plain(
                server,
                Numeric.RPL_MYINFO.code(),
                client.nick(),
                server,
                Hub.VERSION,
                Hub.USER_MODES,
                Hub.CHANNEL_MODES,
                Hub.CHANNEL_MODES_WITH_PARAM));
        List<String> tokens = hub.isupport();
        for (int from = 0; from < tokens.size(); from += TOKENS_PER_LINE) {
            List<String> line = tokens.subList(from, Math.min(tokens.size(), from + TOKENS_PER_LINE));
            hub.reply(client, Numeric.RPL_ISUPPORT, line.toArray(String[]::new));
        }
        lusers(client);
        motd(client);
    }

    void lusers(Client client) {
        int users = hub.users();
        hub.replyText(
                client,
                Numeric.RPL_LUSERCLIENT,
                "There are " + users + " users and " + hub.invisibleUsers() + " invisible on 1 servers");
        hub.reply(client, Numeric.RPL_LUSEROP, "0");
        hub.reply(client, Numeric.RPL_LUSERUNKNOWN, Integer.toString(Math.max(0, hub.connections() - users)));
        hub.reply(
                client,
                Numeric.RPL_LUSERCHANNELS,
                Integer.toString(hub.channels().size()));
        hub.replyText(client, Numeric.RPL_LUSERME, "I have " + users + " clients and 0 servers");
    }

    void motd(Client client) {
        List<String> motd = hub.config().motd();
        if (motd.isEmpty()) {
            hub.reply(client, Numeric.ERR_NOMOTD);
            return;
        }
        hub.replyText(client, Numeric.RPL_MOTDSTART, "- " + hub.serverName() + " Message of the day - ");
        for (String line : motd) {
            hub.replyText(client, Numeric.RPL_MOTD, "- " + line);
        }
        hub.reply(client, Numeric.RPL_ENDOFMOTD);
    }
}
