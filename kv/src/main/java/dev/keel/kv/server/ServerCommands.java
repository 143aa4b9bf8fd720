package dev.keel.kv.server;

import dev.keel.kv.KeyValueStore;
import dev.keel.storage.SyncPolicy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs the commands about the server and the connection: PING, ECHO, INFO, SELECT, QUIT, HELLO, AUTH, CONFIG,
 * COMMAND, CLIENT. They answer what clients ask when they connect (redis-cli's COMMAND DOCS, redis-benchmark's CONFIG
 * GET save and appendonly, a library's HELLO, CLIENT SETINFO and SELECT 0) in the shape those clients expect.
 *
 * <p>Thread-safe: the only state is the per-connection {@link Session}, passed in by its own thread.
 */
final class ServerCommands {

    private final KeyValueStore store;
    private final KvServerOptions options;
    private final ServerState state;
    private final InfoReport info;
    /** CONFIG GET's parameters, in the order they are reported. */
    private final Map<String, Supplier<String>> config = new LinkedHashMap<>();

    ServerCommands(KeyValueStore store, KvServerOptions options, ServerState state) {
        this.store = store;
        this.options = options;
        this.state = state;
        this.info = new InfoReport(store, state);
        config.put("save", () -> "");
        config.put("appendonly", () -> "yes");
        config.put("appendfsync", this::appendFsync);
        config.put("databases", () -> "1");
        config.put("port", () -> Integer.toString(state.port()));
        config.put("bind", () -> options.bindAddress().getHostAddress());
        config.put("maxclients", () -> Integer.toString(options.maxClients()));
        config.put("proto-max-bulk-len", () -> Integer.toString(options.maxBulkLength()));
        config.put("client-query-buffer-limit", () -> Long.toString(options.maxRequestBytes()));
        config.put("maxmemory", () -> "0");
        config.put("timeout", () -> "0");
        config.put("dir", () -> store.options().directory().toAbsolutePath().toString());
    }

    Reply execute(ServerCommand command, Session session) {
        return switch (command) {
            case ServerCommand.Ping ping -> ping.message() == null ? Reply.PONG : new Reply.Bulk(ping.message());
            case ServerCommand.Echo echo -> new Reply.Bulk(echo.message());
            case ServerCommand.Info asked -> Reply.bulk(info.render(asked.sections()));
            case ServerCommand.Select select ->
                select.index() == 0 ? Reply.OK : new Reply.Error("ERR DB index is out of range");
            case ServerCommand.Quit _ -> {
                session.requestClose();
                yield Reply.OK;
            }
            case ServerCommand.Hello hello -> hello(hello, session);
            case ServerCommand.Auth auth -> auth(auth.user());
            case ServerCommand.ConfigGet get -> configGet(get.patterns());
            case ServerCommand.ConfigSet set ->
                new Reply.Error(
                        config.containsKey(set.parameter().toLowerCase(Locale.ROOT))
                                ? "ERR CONFIG SET is not supported by keel: '" + set.parameter()
                                        + "' is fixed when the server starts"
                                : "ERR Unknown option or number of arguments for CONFIG SET - '" + set.parameter()
                                        + "'");
            case ServerCommand.ConfigResetStat _ -> {
                state.resetStats();
                yield Reply.OK;
            }
            case ServerCommand.CommandInfo commandInfo -> commandInfo(commandInfo.names());
            case ServerCommand.CommandCount _ -> new Reply.Int(CommandSpec.values().length);
            case ServerCommand.CommandDocs _ -> Reply.EMPTY_ARRAY;
            case ServerCommand.CommandList _ ->
                new Reply.Array(Arrays.stream(CommandSpec.values())
                        .map(spec -> Reply.bulk(spec.commandName()))
                        .toList());
            case ServerCommand.ClientSetName setName -> {
                session.name(setName.name().length == 0 ? null : setName.name());
                yield Reply.OK;
            }
            case ServerCommand.ClientGetName _ -> Reply.bulkOrNull(session.name());
            case ServerCommand.ClientId _ -> new Reply.Int(session.id());
            case ServerCommand.ClientInfo _ -> Reply.bulk(session.describe(now()));
            case ServerCommand.ClientList _ -> clientList();
            case ServerCommand.ClientAccepted _ -> Reply.OK;
            case ServerCommand.Help help -> help(help.container());
        };
    }

    private Reply hello(ServerCommand.Hello hello, Session session) {
        if (hello.user() != null && !Arrays.equals(hello.user(), "default".getBytes(StandardCharsets.US_ASCII))) {
            return wrongPassword();
        }
        if (hello.name() != null) {
            session.name(hello.name());
        }
        return new Reply.Array(List.of(
                Reply.bulk("server"),
                Reply.bulk("redis"),
                Reply.bulk("version"),
                Reply.bulk(InfoReport.VERSION),
                Reply.bulk("proto"),
                new Reply.Int(2),
                Reply.bulk("id"),
                new Reply.Int(session.id()),
                Reply.bulk("mode"),
                Reply.bulk("standalone"),
                Reply.bulk("role"),
                Reply.bulk("master"),
                Reply.bulk("modules"),
                Reply.EMPTY_ARRAY));
    }

    /** No password is configured: AUTH password is a mistake, AUTH default anything succeeds, as in Redis. */
    private static Reply auth(byte @Nullable [] user) {
        if (user == null) {
            return new Reply.Error("ERR AUTH <password> called without any password configured for the default user. "
                    + "Are you sure your configuration is correct?");
        }
        return Arrays.equals(user, "default".getBytes(StandardCharsets.US_ASCII)) ? Reply.OK : wrongPassword();
    }

    private static Reply wrongPassword() {
        return new Reply.Error("WRONGPASS invalid username-password pair or user is disabled.");
    }

    /** Name-value pairs for every parameter any pattern matches; unknown parameters are simply absent. */
    private Reply configGet(List<GlobPattern> patterns) {
        List<Reply> pairs = new ArrayList<>();
        for (Map.Entry<String, Supplier<String>> parameter : config.entrySet()) {
            byte[] name = parameter.getKey().getBytes(StandardCharsets.US_ASCII);
            if (patterns.stream().anyMatch(pattern -> pattern.matches(name))) {
                pairs.add(Reply.bulk(parameter.getKey()));
                pairs.add(Reply.bulk(parameter.getValue().get()));
            }
        }
        return new Reply.Array(pairs);
    }

    private String appendFsync() {
        return switch (store.options().syncPolicy()) {
            case SyncPolicy.Always _ -> "always";
            case SyncPolicy.Interval _ -> "everysec";
            case SyncPolicy.None _ -> "no";
        };
    }

    /** COMMAND's entries (all, or the named ones with a null for each unknown name), in Redis 7's ten-field shape. */
    private static Reply commandInfo(@Nullable List<String> names) {
        if (names == null) {
            return new Reply.Array(Arrays.stream(CommandSpec.values())
                    .map(ServerCommands::describe)
                    .toList());
        }
        List<Reply> entries = new ArrayList<>();
        for (String name : names) {
            CommandSpec spec = CommandSpec.lookup(name);
            entries.add(spec == null ? Reply.NULL_BULK : describe(spec)); // Redis's RESP2 null for an unknown name
        }
        return new Reply.Array(entries);
    }

    private static Reply describe(CommandSpec spec) {
        List<Reply> subcommands = new ArrayList<>();
        for (String sub : spec.subcommandNames()) {
            Integer arity = spec.subcommandArity(sub);
            subcommands.add(
                    entry(spec.commandName() + "|" + sub, arity == null ? 0 : arity, List.of(), 0, 0, 0, List.of()));
        }
        return entry(
                spec.commandName(),
                spec.arity(),
                spec.flags(),
                spec.firstKey(),
                spec.lastKey(),
                spec.step(),
                subcommands);
    }

    private static Reply entry(
            String name, int arity, List<String> flags, int first, int last, int step, List<Reply> subcommands) {
        return new Reply.Array(List.of(
                Reply.bulk(name),
                new Reply.Int(arity),
                new Reply.Array(flags.stream().<Reply>map(Reply.Simple::new).toList()),
                new Reply.Int(first),
                new Reply.Int(last),
                new Reply.Int(step),
                Reply.EMPTY_ARRAY,
                Reply.EMPTY_ARRAY,
                Reply.EMPTY_ARRAY,
                new Reply.Array(subcommands)));
    }

    private Reply clientList() {
        long now = now();
        StringBuilder list = new StringBuilder();
        for (Session session : state.sessions()) {
            list.append(session.describe(now));
        }
        return Reply.bulk(list.toString());
    }

    private static Reply help(CommandSpec container) {
        String name = container.commandName().toUpperCase(Locale.ROOT);
        List<Reply> lines = new ArrayList<>();
        lines.add(new Reply.Simple(name + " <subcommand> [<arg> [value] [opt] ...]. Subcommands are:"));
        for (String sub : container.subcommandNames()) {
            lines.add(new Reply.Simple(sub.toUpperCase(Locale.ROOT)));
        }
        return new Reply.Array(lines);
    }

    private long now() {
        return state.clock().millis();
    }
}
