package dev.keel.kv.server;

import dev.keel.kv.KvLists.End;
import dev.keel.kv.server.StringCommand.Condition;
import dev.keel.kv.server.StringCommand.TtlOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Turns a request's words into a {@link Command}, or the error Redis 7.0 would answer: unknown command, wrong arity,
 * syntax, not an integer, invalid expire time, each in Redis's wording.
 *
 * <p>How it is designed, and why: arity comes first and from one table ({@link CommandSpec}), as in Redis's
 * {@code processCommand}, so every parse method may take the words its arity guarantees without checking. The switch
 * over {@link CommandSpec} is exhaustive, so a command added to the table does not compile until it parses. Options
 * are read in Redis's order and with its quirks (SET accepts {@code EX 1 EX 2}, the last wins; EXPIRE reads its
 * options before its number), because clients and tests depend on which error comes first. Server commands with
 * subcommands are parsed by {@link ContainerParser} over the same {@link Arguments} cursor.
 *
 * <p>Stateless; thread-safe.
 */
final class CommandParser {

    private static final int MAX_QUOTED = 128;

    private final ContainerParser containers = new ContainerParser();

    /** The command {@code words} (name first, at least one word) asks for. */
    Command parse(List<byte[]> words) throws CommandException {
        return parse(CommandSpec.lookup(words.getFirst()), words);
    }

    /**
     * The command {@code words} asks for, given {@code spec}, what {@link CommandSpec#lookup(byte[])} found for its
     * first word (null: an unknown command).
     */
    Command parse(@Nullable CommandSpec spec, List<byte[]> words) throws CommandException {
        if (spec == null) {
            throw unknownCommand(words);
        }
        if (!CommandSpec.arityAccepts(spec.arity(), words.size())) {
            throw CommandException.wrongArity(spec.commandName());
        }
        // The two commands of a pipelined benchmark, without a cursor: no allocation but the command itself.
        if (spec == CommandSpec.GET) {
            return new StringCommand.Get(words.get(1));
        }
        if (spec == CommandSpec.SET && words.size() == 3) {
            return new StringCommand.Set(words.get(1), words.get(2), Condition.ALWAYS, TtlOption.CLEAR, false, "set");
        }
        Arguments args = new Arguments(words, 1);
        return switch (spec) {
            case GET -> new StringCommand.Get(args.next());
            case SET -> parseSet(args);
            case SETEX -> parseSetEx(args, true, "setex");
            case PSETEX -> parseSetEx(args, false, "psetex");
            case GETSET ->
                new StringCommand.Set(args.next(), args.next(), Condition.ALWAYS, TtlOption.CLEAR, true, "getset");
            case GETDEL -> new StringCommand.GetDel(args.next());
            case INCR -> new StringCommand.IncrBy(args.next(), 1);
            case DECR -> new StringCommand.IncrBy(args.next(), -1);
            case INCRBY -> new StringCommand.IncrBy(args.next(), args.nextLong());
            case DECRBY -> parseDecrBy(args);
            case MSET -> parseMSet(args);
            case MGET -> new StringCommand.MGet(args.rest());
            case DEL, UNLINK -> new KeyspaceCommand.Del(args.rest());
            case EXISTS -> new KeyspaceCommand.Exists(args.rest());
            case EXPIRE -> parseExpire(args, true, "expire");
            case PEXPIRE -> parseExpire(args, false, "pexpire");
            case TTL -> new KeyspaceCommand.Ttl(args.next(), false);
            case PTTL -> new KeyspaceCommand.Ttl(args.next(), true);
            case PERSIST -> new KeyspaceCommand.Persist(args.next());
            case TYPE -> new KeyspaceCommand.Type(args.next());
            case LPUSH -> new ListCommand.Push(args.next(), End.LEFT, args.rest());
            case RPUSH -> new ListCommand.Push(args.next(), End.RIGHT, args.rest());
            case LPOP -> parsePop(args, End.LEFT);
            case RPOP -> parsePop(args, End.RIGHT);
            case LRANGE -> new ListCommand.Range(args.next(), args.nextLong(), args.nextLong());
            case LLEN -> new ListCommand.Length(args.next());
            case KEYS -> new KeyspaceCommand.Keys(GlobPattern.compile(args.next()));
            case SCAN -> parseScan(args);
            case DBSIZE -> new KeyspaceCommand.DbSize();
            case FLUSHDB, FLUSHALL -> parseFlush(args);
            case PING -> parsePing(args);
            case ECHO -> new ServerCommand.Echo(args.next());
            case INFO -> parseInfo(args);
            case SELECT -> new ServerCommand.Select(args.nextLong());
            case QUIT -> new ServerCommand.Quit();
            case HELLO -> containers.parseHello(args);
            case AUTH -> containers.parseAuth(args);
            case CONFIG, COMMAND, CLIENT -> containers.parse(spec, words);
        };
    }

    /** LPOP and RPOP key [count]: a count must be a non-negative integer, and nothing may follow it. */
    private static Command parsePop(Arguments args, End end) throws CommandException {
        byte[] key = args.next();
        if (!args.hasNext()) {
            return new ListCommand.Pop(key, end, null);
        }
        long count = args.nextLong();
        if (args.hasNext()) {
            throw CommandException.syntax();
        }
        if (count < 0) {
            throw new CommandException("ERR value is out of range, must be positive");
        }
        return new ListCommand.Pop(key, end, count);
    }

    /** SET key value [NX|XX] [GET] [EX s|PX ms|EXAT s|PXAT ms|KEEPTTL], as Redis's parseExtendedStringArguments. */
    private static Command parseSet(Arguments args) throws CommandException {
        byte[] key = args.next();
        byte[] value = args.next();
        Condition condition = Condition.ALWAYS;
        boolean get = false;
        boolean keepTtl = false;
        @Nullable String expireUnit = null;
        byte @Nullable [] expireWord = null;
        while (args.hasNext()) {
            String option = args.nextKeyword();
            boolean hasValue = args.hasNext();
            switch (option) {
                case "NX" -> {
                    if (condition == Condition.IF_PRESENT) {
                        throw CommandException.syntax();
                    }
                    condition = Condition.IF_ABSENT;
                }
                case "XX" -> {
                    if (condition == Condition.IF_ABSENT) {
                        throw CommandException.syntax();
                    }
                    condition = Condition.IF_PRESENT;
                }
                case "GET" -> get = true;
                case "KEEPTTL" -> {
                    if (expireUnit != null) {
                        throw CommandException.syntax();
                    }
                    keepTtl = true;
                }
                case "EX", "PX", "EXAT", "PXAT" -> {
                    if (keepTtl || (expireUnit != null && !expireUnit.equals(option)) || !hasValue) {
                        throw CommandException.syntax();
                    }
                    expireUnit = option;
                    expireWord = args.next();
                }
                default -> throw CommandException.syntax();
            }
        }
        TtlOption ttl;
        if (expireUnit == null) {
            ttl = keepTtl ? TtlOption.KEEP : TtlOption.CLEAR;
        } else {
            boolean seconds = expireUnit.equals("EX") || expireUnit.equals("EXAT");
            long millis = expireMillis(Arguments.integer(Objects.requireNonNull(expireWord)), seconds, "set");
            ttl = expireUnit.endsWith("AT") ? new TtlOption.At(millis) : new TtlOption.After(millis);
        }
        return new StringCommand.Set(key, value, condition, ttl, get, "set");
    }

    /** SETEX key seconds value and PSETEX key milliseconds value. */
    private static Command parseSetEx(Arguments args, boolean seconds, String command) throws CommandException {
        byte[] key = args.next();
        long amount = args.nextLong();
        byte[] value = args.next();
        long millis = expireMillis(amount, seconds, command);
        return new StringCommand.Set(key, value, Condition.ALWAYS, new TtlOption.After(millis), false, command);
    }

    /** A SET-family expiry in milliseconds: positive, and not overflowing when given in seconds. */
    private static long expireMillis(long amount, boolean seconds, String command) throws CommandException {
        if (amount <= 0 || (seconds && amount > Long.MAX_VALUE / 1000)) {
            throw CommandException.invalidExpireTime(command);
        }
        return seconds ? amount * 1000 : amount;
    }

    private static Command parseDecrBy(Arguments args) throws CommandException {
        byte[] key = args.next();
        long decrement = args.nextLong();
        if (decrement == Long.MIN_VALUE) {
            throw new CommandException("ERR decrement would overflow");
        }
        return new StringCommand.IncrBy(key, -decrement);
    }

    private static Command parseMSet(Arguments args) throws CommandException {
        if (args.remaining() % 2 != 0) {
            throw CommandException.wrongArity("mset");
        }
        List<byte[]> keys = new ArrayList<>();
        List<byte[]> values = new ArrayList<>();
        while (args.hasNext()) {
            keys.add(args.next());
            values.add(args.next());
        }
        return new StringCommand.MSet(keys, values);
    }

    /** EXPIRE key seconds and PEXPIRE key ms: options first (Redis's order), then the number. */
    private static Command parseExpire(Arguments args, boolean seconds, String command) throws CommandException {
        byte[] key = args.next();
        byte[] amountWord = args.next();
        while (args.hasNext()) {
            byte[] option = args.next();
            String keyword = Arguments.text(option).toUpperCase(Locale.ROOT);
            if (List.of("NX", "XX", "GT", "LT").contains(keyword)) {
                throw new CommandException("ERR the " + keyword + " option of " + command.toUpperCase(Locale.ROOT)
                        + " is not supported by keel (it takes no NX, XX, GT or LT)");
            }
            throw new CommandException("ERR Unsupported option " + Arguments.text(option));
        }
        long amount = Arguments.integer(amountWord);
        if (seconds && (amount > Long.MAX_VALUE / 1000 || amount < Long.MIN_VALUE / 1000)) {
            throw CommandException.invalidExpireTime(command);
        }
        return new KeyspaceCommand.Expire(key, seconds ? amount * 1000 : amount, command);
    }

    /** SCAN cursor [MATCH pattern] [COUNT count] [TYPE type], as Redis's scanGenericCommand. */
    private static Command parseScan(Arguments args) throws CommandException {
        long cursor = parseCursor(args.next());
        @Nullable GlobPattern match = null;
        long count = 10;
        @Nullable String type = null;
        while (args.hasNext()) {
            String option = args.nextKeyword();
            if (!args.hasNext()) {
                throw CommandException.syntax();
            }
            switch (option) {
                case "COUNT" -> {
                    count = args.nextLong();
                    if (count < 1) {
                        throw CommandException.syntax();
                    }
                }
                case "MATCH" -> {
                    GlobPattern pattern = GlobPattern.compile(args.next());
                    match = pattern.matchesEverything() ? null : pattern;
                }
                case "TYPE" -> type = Arguments.text(args.next()).toLowerCase(Locale.ROOT);
                default -> throw CommandException.syntax();
            }
        }
        return new KeyspaceCommand.Scan(cursor, match, count, type);
    }

    /** A SCAN cursor: an unsigned 64-bit decimal, as Redis's parseScanCursorOrReply reads it. */
    private static long parseCursor(byte[] word) throws CommandException {
        String text = Arguments.text(word);
        if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new CommandException("ERR invalid cursor");
        }
        try {
            return Long.parseUnsignedLong(text);
        } catch (NumberFormatException e) {
            throw new CommandException("ERR invalid cursor");
        }
    }

    /** FLUSHDB and FLUSHALL [ASYNC|SYNC]: both modes flush before the reply. */
    private static Command parseFlush(Arguments args) throws CommandException {
        if (args.remaining() > 1) {
            throw CommandException.syntax();
        }
        if (args.hasNext()) {
            String mode = args.nextKeyword();
            if (!mode.equals("ASYNC") && !mode.equals("SYNC")) {
                throw CommandException.syntax();
            }
        }
        return new KeyspaceCommand.FlushDb();
    }

    private static Command parsePing(Arguments args) throws CommandException {
        if (args.remaining() > 1) {
            throw CommandException.wrongArity("ping");
        }
        return new ServerCommand.Ping(args.hasNext() ? args.next() : null);
    }

    private static Command parseInfo(Arguments args) {
        List<String> sections = new ArrayList<>();
        for (byte[] word : args.rest()) {
            sections.add(Arguments.text(word).toLowerCase(Locale.ROOT));
        }
        return new ServerCommand.Info(sections);
    }

    /** Redis 7's "unknown command" error: the name and up to 128 characters of the arguments, each quoted. */
    static CommandException unknownCommand(List<byte[]> words) {
        StringBuilder quoted = new StringBuilder();
        for (int i = 1; i < words.size() && quoted.length() < MAX_QUOTED; i++) {
            String arg = Arguments.text(words.get(i));
            int room = MAX_QUOTED - quoted.length();
            quoted.append('\'').append(arg, 0, Math.min(arg.length(), room)).append("' ");
        }
        return new CommandException("ERR unknown command '" + truncate(Arguments.text(words.getFirst()))
                + "', with args beginning with: " + quoted);
    }

    /** At most 128 characters of {@code text}, as Redis's {@code %.128s}. */
    static String truncate(String text) {
        return text.length() <= MAX_QUOTED ? text : text.substring(0, MAX_QUOTED);
    }

    /** {@code name} unless it has a byte outside '!'..'~' (Redis's validateClientName); null clears the name. */
    static byte @Nullable [] checkClientName(byte[] name) throws CommandException {
        for (byte b : name) {
            if (b < '!' || b > '~') {
                throw new CommandException("ERR Client names cannot contain spaces, newlines or special characters.");
            }
        }
        return name.length == 0 ? null : name;
    }
}
