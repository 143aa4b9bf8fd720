package dev.keel.chat.server;

import dev.keel.chat.protocol.IrcMessage;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns a parsed {@link IrcMessage} into a {@link Command}: checks each command's parameter count and splits its
 * comma-separated lists. Parameter counts follow the Modern IRC client protocol document; a command with too few is
 * {@link Command.NeedMoreParams} (461), except where the specification names another numeric (411, 412, 431).
 * Stateless.
 */
final class CommandParser {

    private CommandParser() {}

    static Command parse(IrcMessage message) {
        List<String> p = message.params();
        String name = message.command();
        return switch (name) {
            case "CAP" -> p.isEmpty() ? new Command.NeedMoreParams(name) : new Command.Cap(upper(p.get(0)), rest(p, 1));
            case "PASS" -> p.isEmpty() ? new Command.NeedMoreParams(name) : new Command.Pass(p.get(0));
            case "NICK" ->
                p.isEmpty() || p.get(0).isEmpty() ? new Command.NoNicknameGiven() : new Command.Nick(p.get(0));
            case "USER" ->
                p.size() < 4 || p.get(0).isEmpty()
                        ? new Command.NeedMoreParams(name)
                        : new Command.User(p.get(0), p.get(3));
            case "PING" -> p.isEmpty() ? new Command.NeedMoreParams(name) : new Command.Ping(p.get(0));
            case "PONG" -> new Command.Pong(p.isEmpty() ? "" : p.getLast());
            case "QUIT" -> new Command.Quit(optional(p, 0));
            case "JOIN" ->
                p.isEmpty() || p.get(0).isEmpty()
                        ? new Command.NeedMoreParams(name)
                        : new Command.Join(list(p.get(0)), p.size() > 1 ? list(p.get(1)) : List.of());
            case "PART" ->
                p.isEmpty() || p.get(0).isEmpty()
                        ? new Command.NeedMoreParams(name)
                        : new Command.Part(list(p.get(0)), optional(p, 1));
            case "PRIVMSG", "NOTICE" -> message(name, p);
            case "TOPIC" ->
                p.isEmpty() ? new Command.NeedMoreParams(name) : new Command.Topic(p.get(0), optional(p, 1));
            case "NAMES" -> new Command.Names(p.isEmpty() ? List.of() : list(p.get(0)));
            case "LIST" -> new Command.ListChannels(p.isEmpty() ? List.of() : list(p.get(0)));
            case "WHO" -> new Command.Who(p.isEmpty() ? "*" : p.get(0));
            case "WHOIS" -> p.isEmpty() ? new Command.NeedMoreParams(name) : new Command.Whois(p.getLast());
            case "MODE" ->
                p.isEmpty() ? new Command.NeedMoreParams(name) : new Command.Mode(p.get(0), optional(p, 1), rest(p, 2));
            case "KICK" ->
                p.size() < 2
                        ? new Command.NeedMoreParams(name)
                        : new Command.Kick(p.get(0), list(p.get(1)), optional(p, 2));
            case "INVITE" -> p.size() < 2 ? new Command.NeedMoreParams(name) : new Command.Invite(p.get(0), p.get(1));
            case "AWAY" -> new Command.Away(p.isEmpty() || p.get(0).isEmpty() ? null : p.get(0));
            case "USERHOST" -> p.isEmpty() ? new Command.NeedMoreParams(name) : new Command.Userhost(p);
            case "ISON" -> p.isEmpty() ? new Command.NeedMoreParams(name) : new Command.Ison(spaced(p));
            case "MOTD" -> new Command.Motd();
            case "LUSERS" -> new Command.Lusers();
            default -> new Command.Unknown(name);
        };
    }

    private static Command message(String name, List<String> p) {
        boolean notice = name.equals("NOTICE");
        if (p.isEmpty() || p.get(0).isEmpty()) {
            return new Command.NoRecipient(name);
        }
        if (p.size() < 2 || p.get(1).isEmpty()) {
            return new Command.NoTextToSend(name);
        }
        return new Command.Message(notice, list(p.get(0)), p.get(1));
    }

    private static String upper(String text) {
        return text.toUpperCase(java.util.Locale.ROOT);
    }

    private static @Nullable String optional(List<String> params, int index) {
        return params.size() > index ? params.get(index) : null;
    }

    private static List<String> rest(List<String> params, int from) {
        return params.size() > from ? params.subList(from, params.size()) : List.of();
    }

    /** {@code #a,#b,,#c} as {@code [#a, #b, #c]}. */
    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(","))
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** ISON takes nicks as parameters or as one trailing parameter of space-separated nicks. */
    private static List<String> spaced(List<String> params) {
        return params.stream()
                .flatMap(param -> Arrays.stream(param.split(" ")))
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
