package dev.keel.kv.server;

import dev.keel.kv.KeyValueStore;
import dev.keel.kv.KvException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Answers one request: parses it into a {@link Command}, runs it against the store, and returns the reply, which is
 * an error reply for anything the client got wrong or the store could not do. It never throws for bad input, so one
 * client's mistake never costs it its connection, let alone another client's. Usable without sockets: the in-process
 * tests drive it directly.
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
    private final StringCommands strings;
    private final KeyspaceCommands keyspace;
    private final ListCommands lists;
    private final ServerCommands server;

    CommandHandler(KeyValueStore store, KvServerOptions options, ServerState state) {
        this.state = state;
        StoreLimits limits = new StoreLimits(store.options());
        this.strings = new StringCommands(store, limits);
        this.keyspace = new KeyspaceCommands(
                store, limits, new ScanCursors(state.clock().millis()));
        this.lists = new ListCommands(store, limits);
        this.server = new ServerCommands(store, options, state);
    }

    /** The reply to {@code words} (the command name first, at least one word) from {@code session}. */
    Reply handle(List<byte[]> words, Session session) {
        state.countCommand();
        session.noteCommand(
                Arguments.text(words.getFirst()).toLowerCase(Locale.ROOT),
                state.clock().millis());
        try {
            Command command = parser.parse(words);
            return switch (command) {
                case StringCommand c -> strings.execute(c);
                case KeyspaceCommand c -> keyspace.execute(c);
                case ListCommand c -> lists.execute(c);
                case ServerCommand c -> server.execute(c, session);
            };
        } catch (CommandException e) {
            return e.reply();
        } catch (IOException e) {
            if (e instanceof KvException kv && kv.code() == KvException.Code.WRONG_TYPE) {
                return WRONG_TYPE; // a string command on a list, or a list command on a string
            }
            return new Reply.Error("ERR store failure: " + e.getMessage());
        } catch (UncheckedIOException e) {
            return new Reply.Error("ERR store failure: " + e.getCause().getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            // the store's refusals (a closed store, a limit): its messages name the value and the limit
            return new Reply.Error("ERR " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "command from client " + session.id() + " failed", e);
            return new Reply.Error("ERR internal error: " + e);
        }
    }
}
