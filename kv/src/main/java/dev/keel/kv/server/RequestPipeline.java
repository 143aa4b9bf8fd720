package dev.keel.kv.server;

import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * One connection's requests, answered in order, with consecutive plain SETs written to the store as one batch.
 *
 * <p>How it is designed, and why: a pipelining client (redis-benchmark {@code -P 16}, a client library's pipeline)
 * sends many SETs in one TCP segment. Run one by one, each SET takes the log's lock, frames its record and issues its
 * own {@code write} system call, and under {@code SyncPolicy.ALWAYS} waits for its own force: profiled under
 * {@code -P 16}, that was 0.73 {@code pwrite} and 0.25 {@code futex} calls per SET. Here a plain SET (see
 * {@link SetBatch#isPlain}) whose key and value the store accepts is not run at once: it joins the connection's
 * {@link SetBatch} and its OK is owed. The batch is written with one {@code KeyValueStore.write(WriteBatch)} (one log
 * append, one write, at most one force) when
 * <ul>
 *   <li>a request that is not such a SET arrives: it runs after the SETs before it (a GET after a SET reads it),
 *   <li>the reader is about to block for more input ({@link #flush()}, its hook): every request that had arrived has
 *       been read, so the client waits for these replies,
 *   <li>the batch is full, or the connection ends.
 * </ul>
 * Only then are the owed OKs written, in order, before any later reply: the client sees the same replies in the same
 * order as without batching, and under {@code ALWAYS} no OK leaves before its SET is on disk. A request that fails to
 * parse, or a SET the batch does not take (an option, an empty or oversized key), writes the batch first and then
 * answers alone, so its error sits in its place and the SETs around it are unaffected. If the store fails the batch
 * (an I/O error, a closed store), every SET in it gets that error: each would have failed alone too, since the log
 * stops at its first failure.
 *
 * <p>What other clients may notice: the batch is atomic, as MSET is (all of it or none survives a crash, and a reader
 * sees all of it or none), which is stronger than Redis promises for separate SETs; seeing a pipeline's SETs all at
 * once is an interleaving that Redis also allows. Rejected: batching across connections in a server-wide queue (the
 * log's group commit already shares forces between connections; a queue would add a hand-off per request), and
 * batching reads (a GET is a memory lookup; there is nothing to share).
 *
 * <p>Not thread-safe: confined to its connection's thread.
 */
final class RequestPipeline implements Flushable {

    private final CommandHandler handler;
    private final Session session;
    private final RespWriter writer;
    private final OutputStream out;
    private final SetBatch batch = new SetBatch();

    /** A pipeline answering {@code session}'s requests through {@code writer}, which writes to {@code out}. */
    RequestPipeline(CommandHandler handler, Session session, RespWriter writer, OutputStream out) {
        this.handler = handler;
        this.session = session;
        this.writer = writer;
        this.out = out;
    }

    /** Answers the request {@code words} (the command name first), now or when its batch is written. */
    void submit(List<byte[]> words) throws IOException {
        Command command;
        try {
            command = handler.parse(words, session);
        } catch (CommandException e) {
            reply(e.reply());
            return;
        }
        if (command instanceof StringCommand.Set set && handler.batchable(set)) {
            if (!batch.fits(set)) {
                writeBatch();
            }
            batch.add(set);
            return;
        }
        writeBatch();
        writer.write(handler.execute(command, session));
    }

    /** Sends {@code reply} after the replies owed to earlier requests (a protocol error, for one). */
    void reply(Reply reply) throws IOException {
        writeBatch();
        writer.write(reply);
    }

    /** Writes the pending batch, answers it, and sends every reply buffered so far. */
    @Override
    public void flush() throws IOException {
        writeBatch();
        out.flush();
    }

    /** How many SETs wait in the batch, unanswered: for tests. */
    int pendingSets() {
        return batch.size();
    }

    private void writeBatch() throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        int sets = batch.size();
        Reply reply = handler.write(batch.take(), session);
        for (int i = 0; i < sets; i++) {
            writer.write(reply);
        }
    }
}
