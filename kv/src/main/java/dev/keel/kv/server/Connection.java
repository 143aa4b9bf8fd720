package dev.keel.kv.server;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import org.jspecify.annotations.Nullable;

/**
 * One client connection, owned by one {@link EventLoop}: reads requests as they arrive, answers each in order, and
 * closes on QUIT, on a protocol error (after answering it, as Redis does) or when the client goes away (after
 * answering what it had sent).
 *
 * <p>How it is designed, and why: Redis's client, on an event loop. Each time the socket is readable the connection
 * reads once (up to 16 KiB, {@link RespParser}), runs every complete request through its {@link RequestPipeline}, and
 * writes all their replies with one {@code write} ({@link ReplyBuffer}); what the socket does not take waits for
 * {@code OP_WRITE}. Back-pressure: while more than {@value #OUTPUT_LIMIT} bytes of replies are unsent, the connection
 * parses and reads nothing more, so a client that pipelines without reading its replies holds at most that much of the
 * server's memory, plus one reply (the blocking design before it stopped at the same bound). While a write of its
 * own is owed (its SETs in the loop's batch, or under {@code SyncPolicy.ALWAYS} a write off the loop: see
 * {@link LoopWrites}), the connection parses nothing more until its replies are back ({@link #written}), and the rest
 * of its input stays in the parser's buffer. Interest in reads
 * is dropped lazily, only if the socket turns readable while the connection does not want to read: a client waiting
 * for its reply sends nothing, so a request-reply round trip costs no {@code epoll_ctl}.
 *
 * <p>Replaced: a blocking loop on a virtual thread per connection. It read as simply as the protocol, but per request
 * it paid a read that found nothing ({@code EAGAIN}), an epoll registration, the poller's wake-up and an unpark of the
 * virtual thread on a carrier; this design costs 8-33% less CPU per pipelined SET (see {@link KvServer}).
 *
 * <p>Not thread-safe: confined to its event loop's thread.
 */
final class Connection implements LoopWrites.Waiter {

    private static final System.Logger LOG = System.getLogger(Connection.class.getName());

    static final int OUTPUT_LIMIT = 64 << 10;

    private final SocketChannel channel;
    private final Session session;
    private final ServerState state;
    private final RespParser parser;
    private final ReplyBuffer out = new ReplyBuffer();
    private final RequestPipeline pipeline;
    private @Nullable SelectionKey key;
    /** No more requests are read: QUIT, a protocol error or the end of the input; closes once nothing is owed. */
    private boolean closing;

    private boolean closed;
    /** The last run of requests stopped at the output limit: complete requests may wait in the parser's buffer. */
    private boolean backlog;

    Connection(
            SocketChannel channel,
            Session session,
            CommandHandler handler,
            ServerState state,
            KvServerOptions options,
            LoopWrites loopWrites) {
        this.channel = channel;
        this.session = session;
        this.state = state;
        this.parser = new RespParser(options);
        this.pipeline = new RequestPipeline(handler, session, new RespWriter(out), loopWrites, this);
    }

    /** Registers with {@code selector} for reads; on the loop's thread. */
    void register(Selector selector) throws IOException {
        key = channel.register(selector, SelectionKey.OP_READ, this);
    }

    /** The selector found the socket ready for {@code readyOps}. */
    void ready(int readyOps) {
        try {
            if ((readyOps & SelectionKey.OP_WRITE) != 0 && !out.writeTo(channel)) {
                return;
            }
            if ((readyOps & SelectionKey.OP_READ) != 0) {
                if (!wantsToRead()) {
                    interest(interestWithout(SelectionKey.OP_READ));
                    return;
                }
                if (parser.readFrom(channel) < 0) {
                    closing = true;
                }
                session.touch(state.clock().millis());
            }
            progress();
        } catch (IOException e) {
            // The client went away, or the server is closing: there is nobody left to answer.
            close();
        }
    }

    /** A write this connection waited for is done: answers it and carries on with the requests after it. */
    @Override
    public void written(Reply reply) {
        if (closed) {
            return; // the client left; the write itself stays durable
        }
        try {
            pipeline.written(reply);
            progress();
        } catch (IOException e) {
            close();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "answering client " + session.id() + " failed; closing it", e);
            close();
        }
    }

    /** Closes the socket and forgets the session. Idempotent; on the loop's thread. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            // Closing is best effort; the socket is being abandoned.
        }
        state.close(session);
    }

    Session session() {
        return session;
    }

    /** Runs what can run, sends what it can, then decides what to wait for. */
    private void progress() throws IOException {
        boolean more = true;
        while (more) {
            more = runRequests();
            if (!out.writeTo(channel)) {
                break;
            }
        }
        if (closing && !pipeline.awaitingWrite() && pipeline.accepting() && out.pending() == 0) {
            close();
            return;
        }
        int ops = out.pending() > 0 ? SelectionKey.OP_WRITE : 0;
        if (!more && wantsToRead()) {
            ops |= SelectionKey.OP_READ;
        } else if (key != null && (key.interestOps() & SelectionKey.OP_READ) != 0 && !closing) {
            ops |= SelectionKey.OP_READ; // dropped lazily, in ready(), if the client sends while it must wait
        }
        interest(ops);
    }

    /**
     * Runs the complete requests in the parser's buffer while the pipeline accepts them and the unsent replies stay
     * within the limit; true if it stopped only because of that limit.
     */
    private boolean runRequests() throws IOException {
        while (!closing && pipeline.accepting()) {
            if (session.closeRequested()) {
                closing = true; // QUIT, run after a write it was held behind: nothing after it is answered
                break;
            }
            if (out.pending() > OUTPUT_LIMIT) {
                pipeline.endOfInput();
                backlog = true;
                return true;
            }
            Frame frame = parser.next();
            if (frame == null) {
                backlog = false;
                break;
            }
            switch (frame) {
                case Frame.Request request -> {
                    pipeline.submit(request.args());
                    if (session.closeRequested()) {
                        closing = true;
                    }
                }
                case Frame.ProtocolError error -> {
                    pipeline.reply(new Reply.Error("ERR " + error.message()));
                    closing = true;
                }
                case Frame.EndOfStream _ -> closing = true;
            }
        }
        pipeline.endOfInput();
        if (session.closeRequested()) {
            closing = true;
        }
        return false;
    }

    private boolean wantsToRead() {
        return !closing
                && !backlog
                && pipeline.accepting()
                && !pipeline.awaitingWrite()
                && out.pending() <= OUTPUT_LIMIT;
    }

    private int interestWithout(int op) {
        return key == null ? 0 : key.interestOps() & ~op;
    }

    private void interest(int ops) {
        SelectionKey k = key;
        if (k != null && k.isValid() && k.interestOps() != ops) {
            k.interestOps(ops);
        }
    }
}
