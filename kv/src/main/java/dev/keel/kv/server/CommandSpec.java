package dev.keel.kv.server;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The commands the server knows, with Redis 7.0's arity, flags and key positions: what the parser checks arity
 * against and what {@code COMMAND} reports. A command not listed here is unknown.
 *
 * <p>Arity is Redis's: positive means exactly that many words (the name included), negative at least that many.
 * Container commands ({@code CLIENT}, {@code CONFIG}, {@code COMMAND}) list their subcommands' arities.
 *
 * <p>Immutable.
 */
enum CommandSpec {
    GET("get", 2, "readonly fast", 1, 1, 1),
    SET("set", -3, "write denyoom", 1, 1, 1),
    SETEX("setex", 4, "write denyoom", 1, 1, 1),
    PSETEX("psetex", 4, "write denyoom", 1, 1, 1),
    GETSET("getset", 3, "write denyoom fast", 1, 1, 1),
    GETDEL("getdel", 2, "write fast", 1, 1, 1),
    INCR("incr", 2, "write denyoom fast", 1, 1, 1),
    INCRBY("incrby", 3, "write denyoom fast", 1, 1, 1),
    DECR("decr", 2, "write denyoom fast", 1, 1, 1),
    DECRBY("decrby", 3, "write denyoom fast", 1, 1, 1),
    MSET("mset", -3, "write denyoom", 1, -1, 2),
    MGET("mget", -2, "readonly fast", 1, -1, 1),
    DEL("del", -2, "write", 1, -1, 1),
    UNLINK("unlink", -2, "write fast", 1, -1, 1),
    EXISTS("exists", -2, "readonly fast", 1, -1, 1),
    EXPIRE("expire", -3, "write fast", 1, 1, 1),
    PEXPIRE("pexpire", -3, "write fast", 1, 1, 1),
    TTL("ttl", 2, "readonly fast", 1, 1, 1),
    PTTL("pttl", 2, "readonly fast", 1, 1, 1),
    PERSIST("persist", 2, "write fast", 1, 1, 1),
    TYPE("type", 2, "readonly fast", 1, 1, 1),
    LPUSH("lpush", -3, "write denyoom fast", 1, 1, 1),
    RPUSH("rpush", -3, "write denyoom fast", 1, 1, 1),
    LPOP("lpop", -2, "write fast", 1, 1, 1),
    RPOP("rpop", -2, "write fast", 1, 1, 1),
    LRANGE("lrange", 4, "readonly", 1, 1, 1),
    LLEN("llen", 2, "readonly fast", 1, 1, 1),
    KEYS("keys", 2, "readonly", 0, 0, 0),
    SCAN("scan", -2, "readonly", 0, 0, 0),
    DBSIZE("dbsize", 1, "readonly fast", 0, 0, 0),
    FLUSHDB("flushdb", -1, "write", 0, 0, 0),
    FLUSHALL("flushall", -1, "write", 0, 0, 0),
    PING("ping", -1, "fast", 0, 0, 0),
    ECHO("echo", 2, "fast", 0, 0, 0),
    INFO("info", -1, "loading stale", 0, 0, 0),
    SELECT("select", 2, "loading stale fast", 0, 0, 0),
    QUIT("quit", -1, "noscript loading stale fast", 0, 0, 0),
    HELLO("hello", -1, "noscript loading stale fast", 0, 0, 0),
    AUTH("auth", -2, "noscript loading stale fast", 0, 0, 0),
    CONFIG("config", -2, "", 0, 0, 0, Map.of("get", -3, "set", -4, "resetstat", 2, "help", 2)),
    COMMAND("command", -1, "loading stale", 0, 0, 0, Map.of("count", 2, "docs", -2, "info", -2, "list", -2, "help", 2)),
    CLIENT(
            "client",
            -2,
            "",
            0,
            0,
            0,
            Map.of(
                    "setname", 3,
                    "getname", 2,
                    "id", 2,
                    "info", 2,
                    "list", -2,
                    "setinfo", 4,
                    "no-evict", 3,
                    "no-touch", 3,
                    "help", 2));

    private static final Map<String, CommandSpec> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(spec -> spec.name, Function.identity()));

    /** The commands by the length of their name: {@code BY_LENGTH[3]} holds GET, SET, TTL ... */
    private static final CommandSpec[][] BY_LENGTH = byLength();

    private final String name;
    private final int arity;
    private final List<String> flags;
    private final boolean writes;
    private final int firstKey;
    private final int lastKey;
    private final int step;
    private final Map<String, Integer> subcommands;

    CommandSpec(String name, int arity, String flags, int firstKey, int lastKey, int step) {
        this(name, arity, flags, firstKey, lastKey, step, Map.of());
    }

    CommandSpec(
            String name,
            int arity,
            String flags,
            int firstKey,
            int lastKey,
            int step,
            Map<String, Integer> subcommands) {
        this.name = name;
        this.arity = arity;
        this.flags = flags.isEmpty() ? List.of() : List.of(flags.split(" "));
        this.writes = this.flags.contains("write");
        this.firstKey = firstKey;
        this.lastKey = lastKey;
        this.step = step;
        this.subcommands = subcommands;
    }

    /** The command called {@code name} (any case), or null if the server does not know it. */
    static @Nullable CommandSpec lookup(String name) {
        return BY_NAME.get(name.toLowerCase(Locale.ROOT));
    }

    /**
     * The command whose name is {@code name}'s bytes (any ASCII case), or null if the server does not know it. Unlike
     * {@link #lookup(String)} it allocates nothing: it runs once per request. Folding ASCII case only is exact: no
     * ISO-8859-1 character outside ASCII lower-cases into ASCII.
     */
    static @Nullable CommandSpec lookup(byte[] name) {
        if (name.length >= BY_LENGTH.length) {
            return null;
        }
        for (CommandSpec spec : BY_LENGTH[name.length]) {
            if (spec.nameMatches(name)) {
                return spec;
            }
        }
        return null;
    }

    private boolean nameMatches(byte[] candidate) {
        for (int i = 0; i < candidate.length; i++) {
            int c = candidate[i];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static CommandSpec[][] byLength() {
        int longest = Arrays.stream(values())
                .mapToInt(spec -> spec.name.length())
                .max()
                .orElse(0);
        CommandSpec[][] table = new CommandSpec[longest + 1][];
        for (int length = 0; length <= longest; length++) {
            int wanted = length;
            table[length] = Arrays.stream(values())
                    .filter(spec -> spec.name.length() == wanted)
                    .toArray(CommandSpec[]::new);
        }
        return table;
    }

    /** Whether a request of {@code words} words (the name included) has the right number of arguments. */
    static boolean arityAccepts(int arity, int words) {
        return arity > 0 ? words == arity : words >= -arity;
    }

    /** The lower-case name, as Redis reports it. */
    String commandName() {
        return name;
    }

    int arity() {
        return arity;
    }

    List<String> flags() {
        return flags;
    }

    /** Whether the command may write to the store (Redis's {@code write} flag). */
    boolean writes() {
        return writes;
    }

    int firstKey() {
        return firstKey;
    }

    int lastKey() {
        return lastKey;
    }

    int step() {
        return step;
    }

    /** Whether this is a container command whose first argument names a subcommand. */
    boolean isContainer() {
        return !subcommands.isEmpty();
    }

    /** The arity of subcommand {@code name} (lower case), or null if there is no such subcommand. */
    @Nullable
    Integer subcommandArity(String name) {
        return subcommands.get(name);
    }

    /** The subcommand names, sorted. */
    List<String> subcommandNames() {
        return subcommands.keySet().stream().sorted().toList();
    }
}
