package dev.keel.chat.server;

import dev.keel.chat.protocol.Numeric;
import java.util.Set;

/**
 * Routes one {@link Command} of one client to the code that runs it, after the registration gate: before the welcome,
 * only CAP, PASS, NICK, USER, PING, PONG and QUIT are allowed, anything else is answered with 451 (which is what
 * irssi's {@code JOIN :} probe expects). Thread-safe: the handlers are stateless; per-connection state is in the
 * {@link Registration} passed in.
 */
final class Dispatcher {

    private static final Set<String> BEFORE_REGISTRATION =
            Set.of("CAP", "PASS", "NICK", "USER", "PING", "PONG", "QUIT");

    private final Hub hub;
    private final Greeting greeting;
    private final ChannelCommands channels;
    private final MessageCommands messages;
    private final ModeCommands modes;
    private final QueryCommands queries;

    Dispatcher(Hub hub) {
        this.hub = hub;
        this.greeting = new Greeting(hub);
        this.channels = new ChannelCommands(hub);
        this.messages = new MessageCommands(hub);
        this.modes = new ModeCommands(hub);
        this.queries = new QueryCommands(hub);
    }

    Registration registration(Client client) {
        return new Registration(hub, client, greeting);
    }

    void dispatch(Client client, Registration registration, Command command) {
        if (!client.registered() && !BEFORE_REGISTRATION.contains(command.name())) {
            hub.reply(client, Numeric.ERR_NOTREGISTERED);
            return;
        }
        switch (command) {
            case Command.Cap cap -> registration.cap(cap);
            case Command.Pass pass -> registration.pass(pass);
            case Command.Nick nick -> registration.nick(nick);
            case Command.User user -> registration.user(user);
            case Command.Ping ping -> queries.ping(client, ping);
            case Command.Pong _ -> {} // Reading it was the point: the client is alive.
            case Command.Quit quit -> client.quit(quit.reason() == null ? "Quit" : "Quit: " + quit.reason());
            case Command.Join join -> channels.join(client, join);
            case Command.Part part -> channels.part(client, part);
            case Command.Message message -> messages.message(client, message);
            case Command.Topic topic -> channels.topic(client, topic);
            case Command.Names names -> channels.names(client, names);
            case Command.ListChannels list -> channels.list(client, list);
            case Command.Who who -> queries.who(client, who);
            case Command.Whois whois -> queries.whois(client, whois);
            case Command.Mode mode -> modes.mode(client, mode);
            case Command.Kick kick -> channels.kick(client, kick);
            case Command.Invite invite -> channels.invite(client, invite);
            case Command.Away away -> queries.away(client, away);
            case Command.Userhost userhost -> queries.userhost(client, userhost);
            case Command.Ison ison -> queries.ison(client, ison);
            case Command.Motd _ -> greeting.motd(client);
            case Command.Lusers _ -> greeting.lusers(client);
            case Command.NeedMoreParams need -> hub.reply(client, Numeric.ERR_NEEDMOREPARAMS, need.name());
            case Command.NoRecipient none ->
                hub.replyText(client, Numeric.ERR_NORECIPIENT, "No recipient given (" + none.name() + ")");
            case Command.NoTextToSend _ -> hub.reply(client, Numeric.ERR_NOTEXTTOSEND);
            case Command.NoNicknameGiven _ -> hub.reply(client, Numeric.ERR_NONICKNAMEGIVEN);
            case Command.Unknown unknown -> hub.reply(client, Numeric.ERR_UNKNOWNCOMMAND, unknown.name());
        }
    }
}
