package dev.keel.kv.server;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.Socket;

/**
 * One client connection, run on its own virtual thread: reads requests, answers each in order, and closes on QUIT, on
 * a protocol error (after answering it, as Redis does) or when the client goes away.
 *
 * <p>How it is designed, and why: a blocking loop on a virtual thread reads as the protocol does (request, reply),
 * keeps the connection's state confined to its thread, and costs a few kilobytes per idle client, so 10000 clients
 * need no event loop. Requests go through a {@link RequestPipeline}, which writes a pipeline's consecutive plain SETs
 * to the store together. Replies go into a 64 KiB buffer that is flushed only when the reader is about to wait for more
 * input: a pipeline of 16 requests that arrived together is answered with one write, a lone request at once. The
 * output buffer is bounded, so a client that pipelines without ever reading blocks its own connection (and no other)
 * when the socket's buffers fill, where Redis would buffer replies in memory up to its output limit.
 *
 * <p>Not thread-safe, except {@link #close()}, which the server calls from another thread to end the connection.
 */
final class Connection implements Runnable {

    static final int OUTPUT_BUFFER = 64 << 10;

    private final Socket socket;
    private final Session session;
    private final CommandHandler handler;
    private final ServerState state;
    private final KvServerOptions options;

    Connection(Socket socket, Session session, CommandHandler handler, ServerState state, KvServerOptions options) {
        this.socket = socket;
        this.session = session;
        this.handler = handler;
        this.state = state;
        this.options = options;
    }

    @Override
    public void run() {
        try (socket) {
            BufferedOutputStream out = new BufferedOutputStream(socket.getOutputStream(), OUTPUT_BUFFER);
            RequestPipeline pipeline = new RequestPipeline(handler, session, new RespWriter(out), out);
            RespReader reader = new RespReader(socket.getInputStream(), pipeline, options);
            while (!session.closeRequested()) {
                switch (reader.read()) {
                    case Frame.Request request -> pipeline.submit(request.args());
                    case Frame.ProtocolError error -> {
                        pipeline.reply(new Reply.Error("ERR " + error.message()));
                        session.requestClose();
                    }
                    case Frame.EndOfStream _ -> session.requestClose();
                }
            }
            pipeline.flush();
        } catch (IOException e) {
            // The client went away, or the server is closing: there is nobody left to answer.
        } finally {
            state.close(session);
        }
    }

    /** Ends the connection from another thread: its blocked read or write fails and its thread finishes. */
    void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing is best effort; the thread still ends when its next read or write fails.
        }
    }

    Session session() {
        return session;
    }
}
