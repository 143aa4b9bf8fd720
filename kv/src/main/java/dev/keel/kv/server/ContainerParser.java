package dev.keel.kv.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The grammar area of {@link CommandParser} for server commands with subcommands or options ({@code CONFIG},
 * {@code COMMAND}, {@code CLIENT}, {@code HELLO}, {@code AUTH}), in Redis 7.0's wording: {@code ERR unknown subcommand
 * 'x'. Try CLIENT HELP.}, {@code ERR wrong number of arguments for 'client|setname' command}.
 *
 * <p>Stateless; thread-safe.
 */
final class ContainerParser {

    /** The subcommand of {@code spec} that {@code words} asks for; arity of the container is already checked. */
    Command parse(CommandSpec spec, List<byte[]> words) throws CommandException {
        if (words.size() == 1) {
            return new ServerCommand.CommandInfo(null); // COMMAND alone: the only container callable bare
        }
        String typed = Arguments.text(words.get(1));
        String subcommand = typed.toLowerCase(Locale.ROOT);
        Integer arity = spec.subcommandArity(subcommand);
        if (arity == null) {
            throw new CommandException("ERR unknown subcommand '" + CommandParser.truncate(typed) + "'. Try "
                    + Arguments.text(words.getFirst()).toUpperCase(Locale.ROOT) + " HELP.");
        }
        if (!CommandSpec.arityAccepts(arity, words.size())) {
            throw CommandException.wrongArity(spec.commandName() + "|" + subcommand);
        }
        Arguments args = new Arguments(words, 2);
        if (subcommand.equals("help")) {
            return new ServerCommand.Help(spec);
        }
        return switch (spec) {
            case CONFIG -> parseConfig(subcommand, args);
            case COMMAND -> parseCommand(subcommand, args);
            case CLIENT -> parseClient(subcommand, args);
            default -> throw new IllegalArgumentException(spec + " has no subcommands");
        };
    }

    private static Command parseConfig(String subcommand, Arguments args) {
        return switch (subcommand) {
            case "get" -> {
                List<GlobPattern> patterns = new ArrayList<>();
                for (byte[] pattern : args.rest()) {
                    patterns.add(GlobPattern.compile(pattern, true));
                }
                yield new ServerCommand.ConfigGet(patterns);
            }
            case "set" -> new ServerCommand.ConfigSet(Arguments.text(args.next()));
            case "resetstat" -> new ServerCommand.ConfigResetStat();
            default -> throw new IllegalArgumentException("CONFIG " + subcommand + " is in the table but not parsed");
        };
    }

    private static Command parseCommand(String subcommand, Arguments args) {
        return switch (subcommand) {
            case "count" -> new ServerCommand.CommandCount();
            case "docs" -> new ServerCommand.CommandDocs();
            case "list" -> new ServerCommand.CommandList();
            case "info" -> {
                List<String> names = new ArrayList<>();
                for (byte[] name : args.rest()) {
                    names.add(Arguments.text(name));
                }
                yield new ServerCommand.CommandInfo(names.isEmpty() ? null : names); // no names: all, as Redis 7
            }
            default -> throw new IllegalArgumentException("COMMAND " + subcommand + " is in the table but not parsed");
        };
    }

    private static Command parseClient(String subcommand, Arguments args) throws CommandException {
        return switch (subcommand) {
            case "setname" -> {
                byte[] name = args.next();
                CommandParser.checkClientName(name);
                yield new ServerCommand.ClientSetName(name);
            }
            case "getname" -> new ServerCommand.ClientGetName();
            case "id" -> new ServerCommand.ClientId();
            case "info" -> new ServerCommand.ClientInfo();
            case "list" -> new ServerCommand.ClientList();
            case "setinfo", "no-evict", "no-touch" -> new ServerCommand.ClientAccepted();
            default -> throw new IllegalArgumentException("CLIENT " + subcommand + " is in the table but not parsed");
        };
    }

    /** HELLO [protover [AUTH username password] [SETNAME name]], as Redis's helloCommand; only RESP2 is spoken. */
    Command parseHello(Arguments args) throws CommandException {
        long protocol = 0;
        if (args.hasNext()) {
            protocol = Decimal.parse(args.next())
                    .orElseThrow(() -> new CommandException("ERR Protocol version is not an integer or out of range"));
            if (protocol != 2) {
                throw new CommandException("NOPROTO unsupported protocol version");
            }
        }
        byte @Nullable [] user = null;
        byte @Nullable [] name = null;
        while (args.hasNext()) {
            byte[] option = args.next();
            String keyword = Arguments.text(option).toUpperCase(Locale.ROOT);
            if (keyword.equals("AUTH") && args.remaining() >= 2) {
                user = args.next();
                args.next(); // the password: no password is configured, so any is right
            } else if (keyword.equals("SETNAME") && args.hasNext()) {
                name = args.next();
            } else {
                throw new CommandException("ERR Syntax error in HELLO option '" + Arguments.text(option) + "'");
            }
        }
        if (name != null) {
            CommandParser.checkClientName(name);
        }
        return new ServerCommand.Hello(protocol, user, name);
    }

    /** AUTH [username] password. */
    Command parseAuth(Arguments args) throws CommandException {
        if (args.remaining() > 2) {
            throw CommandException.syntax();
        }
        return new ServerCommand.Auth(args.remaining() == 2 ? args.next() : null);
    }
}
