package dev.keel.chat.server;

import dev.keel.chat.protocol.IrcMessage;
import dev.keel.chat.protocol.Numeric;

/**
 * PRIVMSG and NOTICE, to channels and nicks, several targets at once (up to {@value #MAX_TARGETS}, ISUPPORT
 * {@code TARGMAX}). This is the message path: one hash lookup per target, one encoding per target, no lock but each
 * recipient's send queue (and the channel history's). A NOTICE is never answered with an error, as RFC 2812 section
 * 3.3.2 requires. Stateless over the {@link Hub}; thread-safe.
 */
final class MessageCommands {

    static final int MAX_TARGETS = 4;

    private final Hub hub;

    MessageCommands(Hub hub) {
        this.hub = hub;
    }

    void message(Client client, Command.Message message) {
        int count = 0;
        for (String target : message.targets()) {
            if (++count > MAX_TARGETS) {
                break;
            }
            if (target.startsWith("#")) {
                toChannel(client, message, target);
            } else {
                toNick(client, message, target);
            }
        }
    }

    private void toChannel(Client client, Command.Message message, String target) {
        Channel channel = hub.channel(target);
        if (channel == null) {
            error(client, message, Numeric.ERR_NOSUCHNICK, target);
            return;
        }
        if (!channel.canSend(client)) {
            error(client, message, Numeric.ERR_CANNOTSENDTOCHAN, channel.name());
            return;
        }
        String source = client.prefix();
        byte[] line = IrcMessage.text(source, message.name(), channel.name(), message.text())
                .encode();
        channel.broadcast(line, client);
        channel.history().append(new History.Entry(hub.now(), source, message.name(), message.text()));
    }

    private void toNick(Client client, Command.Message message, String target) {
        Client recipient = hub.client(target);
        if (recipient == null || !recipient.registered()) {
            error(client, message, Numeric.ERR_NOSUCHNICK, target);
            return;
        }
        recipient.send(IrcMessage.text(client.prefix(), message.name(), recipient.nick(), message.text()));
        String away = recipient.away();
        if (away != null && !message.notice()) {
            hub.replyText(client, Numeric.RPL_AWAY, recipient.nick(), away);
        }
    }

    private void error(Client client, Command.Message message, Numeric numeric, String target) {
        if (!message.notice()) {
            hub.reply(client, numeric, target);
        }
    }
}
