package dev.keel.kv.server;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Commands about the server and the connection: run by {@link ServerCommands}. Immutable. */
sealed interface ServerCommand extends Command {

    /** PING [message]. */
    record Ping(byte @Nullable [] message) implements ServerCommand {}

    /** ECHO message. */
    record Echo(byte[] message) implements ServerCommand {}

    /** INFO [section ...]: lower-case section names, none for the default sections. */
    record Info(List<String> sections) implements ServerCommand {
        public Info {
            sections = List.copyOf(sections);
        }
    }

    /** SELECT index: only database 0 exists. */
    record Select(long index) implements ServerCommand {}

    /** QUIT: replies OK, then the connection closes. */
    record Quit() implements ServerCommand {}

    /**
     * HELLO [protover [AUTH username password] [SETNAME name]].
     *
     * @param protocol the protocol version asked for, 0 if none (stay on RESP2)
     * @param user the AUTH user name, null without AUTH
     * @param name the SETNAME name, null without SETNAME
     */
    record Hello(long protocol, byte @Nullable [] user, byte @Nullable [] name) implements ServerCommand {}

    /** AUTH [username] password: the server has no password; the default user accepts any. */
    record Auth(byte @Nullable [] user) implements ServerCommand {}

    /** CONFIG GET pattern [pattern ...]: case-insensitive globs over the parameter names. */
    record ConfigGet(List<GlobPattern> patterns) implements ServerCommand {
        public ConfigGet {
            patterns = List.copyOf(patterns);
        }
    }

    /** CONFIG SET parameter value ...: refused, the configuration is fixed when the server starts. */
    record ConfigSet(String parameter) implements ServerCommand {}

    /** CONFIG RESETSTAT: zeroes the counters INFO reports. */
    record ConfigResetStat() implements ServerCommand {}

    /** COMMAND and COMMAND INFO (all commands: {@code names} null), and COMMAND INFO name ... */
    record CommandInfo(@Nullable List<String> names) implements ServerCommand {
        public CommandInfo {
            names = names == null ? null : List.copyOf(names);
        }
    }

    /** COMMAND COUNT. */
    record CommandCount() implements ServerCommand {}

    /** COMMAND DOCS [name ...]: keel has no docs to give, an empty map. */
    record CommandDocs() implements ServerCommand {}

    /** COMMAND LIST. */
    record CommandList() implements ServerCommand {}

    /** CLIENT SETNAME name: an empty name clears it. */
    record ClientSetName(byte[] name) implements ServerCommand {}

    /** CLIENT GETNAME. */
    record ClientGetName() implements ServerCommand {}

    /** CLIENT ID. */
    record ClientId() implements ServerCommand {}

    /** CLIENT INFO: this connection, one line in CLIENT LIST's format. */
    record ClientInfo() implements ServerCommand {}

    /** CLIENT LIST: every connection. */
    record ClientList() implements ServerCommand {}

    /** CLIENT SETINFO, NO-EVICT, NO-TOUCH: accepted with OK, they change nothing here. */
    record ClientAccepted() implements ServerCommand {}

    /** CONTAINER HELP: the subcommands. */
    record Help(CommandSpec container) implements ServerCommand {}
}
