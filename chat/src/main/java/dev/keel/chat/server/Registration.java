package dev.keel.chat.server;

import dev.keel.chat.protocol.IrcMessage;
import dev.keel.chat.protocol.Numeric;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Registration and identity: CAP, PASS, NICK and USER, before and after the welcome.
 *
 * <p>How registration completes, as real clients expect (IRCv3 capability negotiation, the Modern document's
 * "Connection Registration"): a client has registered once it has a nick and a user, has given the password if the
 * server has one, and, if it started capability negotiation (any CAP LS or CAP REQ before registering), has ended it
 * with CAP END. Clients send NICK and USER right after {@code CAP LS 302} without waiting (WeeChat), so the welcome
 * waits for CAP END. The capabilities are {@code multi-prefix} (NAMES and WHO show {@code @+} rather than the highest
 * prefix alone) and {@code server-time} (every line the client gets carries {@code @time=}, see {@link ServerTime}).
 * {@code message-tags} is not offered: the server neither relays client tags nor knows {@code TAGMSG}.
 *
 * <p>Not thread-safe: one per connection, confined to the connection's thread.
 */
final class Registration {

    static final List<String> CAPABILITIES = List.of("multi-prefix", ServerTime.CAPABILITY);

    private static final Pattern NICK = Pattern.compile("[A-Za-z\\[\\]\\\\`_^{|}][A-Za-z0-9\\[\\]\\\\`_^{|}-]*");

    private final Hub hub;
    private final Client client;
    private final Greeting greeting;
    private boolean negotiating;
    private boolean userGiven;
    private @Nullable String password;

    Registration(Hub hub, Client client, Greeting greeting) {
        this.hub = hub;
        this.client = client;
        this.greeting = greeting;
    }

    void cap(Command.Cap cap) {
        String target = client.nick();
        switch (cap.subcommand()) {
            case "LS" -> {
                negotiating |= !client.registered();
                client.send(IrcMessage.text(hub.serverName(), "CAP", target, "LS", String.join(" ", CAPABILITIES)));
            }
            case "LIST" -> {
                List<String> enabled = new ArrayList<>();
                if (client.multiPrefix()) {
                    enabled.add("multi-prefix");
                }
                if (client.serverTime()) {
                    enabled.add(ServerTime.CAPABILITY);
                }
                client.send(IrcMessage.text(hub.serverName(), "CAP", target, "LIST", String.join(" ", enabled)));
            }
            case "REQ" -> {
                negotiating |= !client.registered();
                String requested = cap.args().isEmpty() ? "" : cap.args().getFirst();
                List<String> names = Arrays.stream(requested.split(" "))
                        .filter(s -> !s.isEmpty())
                        .toList();
                boolean known = !names.isEmpty()
                        && names.stream()
                                .allMatch(
                                        name -> CAPABILITIES.contains(name.startsWith("-") ? name.substring(1) : name));
                // The ACK goes out before the change, so that it is not itself tagged with the time.
                client.send(IrcMessage.text(hub.serverName(), "CAP", target, known ? "ACK" : "NAK", requested));
                if (known) {
                    for (String name : names) {
                        boolean on = !name.startsWith("-");
                        switch (on ? name : name.substring(1)) {
                            case ServerTime.CAPABILITY -> client.serverTime(on);
                            default -> client.multiPrefix(on);
                        }
                    }
                }
            }
            case "END" -> {
                negotiating = false;
                complete();
            }
            default -> hub.reply(client, Numeric.ERR_INVALIDCAPCMD, cap.subcommand());
        }
    }

    void pass(Command.Pass pass) {
        if (client.registered()) {
            hub.reply(client, Numeric.ERR_ALREADYREGISTERED);
            return;
        }
        password = pass.password();
    }

    void nick(Command.Nick command) {
        String nick = command.nick();
        if (nick.length() > Hub.NICKLEN || !NICK.matcher(nick).matches()) {
            hub.reply(client, Numeric.ERR_ERRONEUSNICKNAME, nick);
            return;
        }
        String old = client.nickOrNull();
        if (nick.equals(old)) {
            return;
        }
        String oldPrefix = client.prefix();
        if (!hub.claimNick(client, nick)) {
            hub.reply(client, Numeric.ERR_NICKNAMEINUSE, nick);
            return;
        }
        if (!client.registered()) {
            complete();
            return;
        }
        byte[] line = IrcMessage.text(oldPrefix, "NICK", nick).encode();
        client.sendLine(line);
        for (Client peer : peers()) {
            peer.sendLine(line);
        }
    }

    void user(Command.User user) {
        if (client.registered() || userGiven) {
            hub.reply(client, Numeric.ERR_ALREADYREGISTERED);
            return;
        }
        String username = user.username().replaceAll("[^A-Za-z0-9._~-]", "");
        if (username.isEmpty()) {
            username = "user";
        }
        client.user(username.length() > 10 ? username.substring(0, 10) : username, user.realname());
        userGiven = true;
        complete();
    }

    private void complete() {
        if (client.registered() || negotiating || !userGiven || client.nickOrNull() == null) {
            return;
        }
        String expected = hub.config().password();
        if (expected != null && !expected.equals(password)) {
            hub.reply(client, Numeric.ERR_PASSWDMISMATCH);
            client.quit("Bad password");
            return;
        }
        client.markRegistered();
        hub.registered();
        greeting.welcome(client);
    }

    /** Everyone who shares a channel with the client, once each. */
    private Set<Client> peers() {
        Set<Client> peers = new HashSet<>();
        for (Channel channel : new ArrayList<>(client.channels())) {
            peers.addAll(List.of(channel.members()));
        }
        peers.remove(client);
        return peers;
    }
}
