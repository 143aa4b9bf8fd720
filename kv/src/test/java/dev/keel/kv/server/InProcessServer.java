package dev.keel.kv.server;

import dev.keel.kv.KeyValueStore;
import dev.keel.kv.KvOptions;
import dev.keel.testing.ManualTicker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A store on fake time with a command handler and one session, driven without sockets: what the command tests talk
 * to. Close it to close the store. Not thread-safe, except {@link #newSession()} and the handler itself.
 */
final class InProcessServer implements AutoCloseable {

    final ManualTicker clock = ManualTicker.create();
    final KeyValueStore store;
    final ServerState state;
    final CommandHandler handler;
    final Session session;

    InProcessServer(Path directory) throws IOException {
        this(directory, KvOptions.builder(directory));
    }

    InProcessServer(Path directory, KvOptions.Builder storeOptions) throws IOException {
        this.store = KeyValueStore.open(storeOptions.clock(clock).build());
        this.state = new ServerState(6379, 10_000, clock);
        this.handler = new CommandHandler(store, KvServerOptions.defaults(), state);
        this.session = newSession();
    }

    /** Another client, as if it had just connected. */
    Session newSession() {
        return state.open("127.0.0.1:50000", "127.0.0.1:6379");
    }

    /** Runs a command given as words on the default session. */
    Reply run(String... words) {
        return run(session, words);
    }

    Reply run(Session on, String... words) {
        List<byte[]> args = Arrays.stream(words)
                .map(word -> word.getBytes(StandardCharsets.ISO_8859_1))
                .toList();
        return handler.handle(args, on);
    }

    @Override
    public void close() throws IOException {
        store.close();
    }

    static Reply bulk(String text) {
        return Reply.bulk(text);
    }

    static Reply integer(long value) {
        return new Reply.Int(value);
    }

    static Reply error(String message) {
        return new Reply.Error(message);
    }

    static Reply array(Reply... elements) {
        return new Reply.Array(List.of(elements));
    }

    static Reply bulks(String... texts) {
        return new Reply.Array(Arrays.stream(texts).map(Reply::bulk).toList());
    }
}
