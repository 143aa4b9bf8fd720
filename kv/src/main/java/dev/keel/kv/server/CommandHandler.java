package dev.keel.kv.server;

import dev.keel.kv.KeyValueStore;
import dev.keel.kv.KvException;
import dev.keel.kv.WriteBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Answers one request: parses it into a {@link Command}, runs it against the store, and returns the reply, which is
 * an error reply for anything the client got wrong or the store could not do. It never throws for bad input, so one
 * client's mistake never costs it its connection, let alone another client's. Usable without sockets: the in-process
 * tests drive it directly.
 *
 * <p>A connection may instead {@link #parse} a request and {@link #execute} it later, or hand plain SETs over in a
 * {@link WriteBatch} ({@link #write}): that is how {@link RequestPipeline} writes a pipeline's SETs together.
 *
 * <p>Durability: a command that writes returns only after the store's call returned, which under
 * {@code SyncPolicy.ALWAYS} means after the write was forced to disk (concurrent connections share forces through the
 * log's group commit), so a reply is never sent for a write a crash could lose.
 *
 * <p>Thread-safe: one handler serves every connection; per-connection state lives in the {@link Session} passed in.
 */
final class CommandHandler {

    private static final System.Logger LOG = System.getLogger(CommandHandler.class.getName());
    static final Reply WRONG_TYPE =
            new Reply.Error("WRONGTYPE Operation against a key holding the wrong kind of value");

    private final CommandParser parser = new CommandParser();
    private final ServerState state;
    private final StoreLimits limits;
    private final StringCommands strings;
    private final KeyspaceCommands keyspace;
    private final ListCommands lists;
    private final ServerCommands server;

    CommandHandler(KeyValueStore store, KvServerOptions options, ServerState state) {
        this.state = state;
        this.limits = new StoreLimits(store.options());
        this.strings = new StringCommands(store, limits);
        this.keyspace = new KeyspaceCommands(
                store, limits, new ScanCursors(state.clock().millis()));
        this.lists = new ListCommands(store, limits);
        this.server = new ServerCommands(store, options, state);
    }

    /** The reply to {@code words} (the command name first, at least one word) from {@code session}. */
    Reply handle(List<byte[]> words, Session session) {
        session.touch(state.clock().millis());
        state.countCommands(1);
        Command command;
        try {
            command = parse(words, session);
        } catch (CommandException e) {
            return e.reply();
        }
        return execute(command, session);
    }

    /**
     * Notes {@code words} as {@code session}'s last command and parses it. The caller counts it ({@link
     * #countCommands}) and notes the session's activity ({@link Session#touch}).
     *
     * @throws CommandException if it is not a command the server runs; its reply is the answer
     */
    Command parse(List<byte[]> words, Session session) throws CommandException {
        @Nullable CommandSpec spec = CommandSpec.lookup(words.getFirst());
        session.noteCommand(
                spec != null
                        ? spec.commandName()
                        : Arguments.text(words.getFirst()).toLowerCase(Locale.ROOT));
        return parser.parse(spec, words);
    }

    /** Adds {@code commands} to INFO's total_commands_processed: a connection counts a read's requests at once. */
    void countCommands(int commands) {
        state.countCommands(commands);
    }

    /** Runs a parsed command from {@code session}; the reply is an error reply if it fails. */
    Reply execute(Command command, Session session) {
        try {
            return switch (command) {
                case StringCommand c -> strings.execute(c);
                case KeyspaceCommand c -> keyspace.execute(c);
                case ListCommand c -> lists.execute(c);
                case ServerCommand c -> server.execute(c, session);
            };
        } catch (CommandException e) {
            return e.reply();
        } catch (IOException | RuntimeException e) {
            return failure(e, session);
        }
    }

    /**
     * Whether {@code words} name a command that writes to the store (Redis's {@code write} flag): under
     * {@code SyncPolicy.ALWAYS} such a command waits for a force, so the event loop runs it elsewhere.
     */
    boolean writes(List<byte[]> words) {
        @Nullable CommandSpec spec = CommandSpec.lookup(words.getFirst());
        return spec != null && spec.writes();
    }

    /**
     * Whether {@code set} may be written as part of a {@link SetBatch} instead of on its own: a plain SET (no option)
     * of a key and value the store accepts, so that the batch's write fails only if the store fails.
     */
    boolean batchable(StringCommand.Set set) {
        return SetBatch.isPlain(set) && limits.accepts(set.key(), set.value());
    }

    /**
     * Writes {@code batch}'s SETs, taken from {@code session}'s requests, in one atomic store write (durable on return
     * under {@code SyncPolicy.ALWAYS}). The reply is each SET's: OK, or the store's failure, which every SET of the
     * batch shares.
     */
    Reply write(WriteBatch batch, Session session) {
        try {
            strings.setAll(batch);
            return Reply.OK;
        } catch (IOException | RuntimeException e) {
            return failure(e, session);
        }
    }

    private static Reply failure(Exception e, Session session) {
        return switch (e) {
            // a string command on a list, or a list command on a string
            case KvException kv when kv.code() == KvException.Code.WRONG_TYPE -> WRONG_TYPE;
            case IOException io -> new Reply.Error("ERR store failure: " + io.getMessage());
            case UncheckedIOException io ->
                new Reply.Error("ERR store failure: " + io.getCause().getMessage());
            // the store's refusals (a closed store, a limit): its messages name the value and the limit
            case IllegalArgumentException refusal -> new Reply.Error("ERR " + refusal.getMessage());
            case IllegalStateException refusal -> new Reply.Error("ERR " + refusal.getMessage());
            default -> {
                LOG.log(System.Logger.Level.WARNING, "command from client " + session.id() + " failed", e);
                yield new Reply.Error("ERR internal error: " + e);
            }
        };
    }
}
