package dev.keel.kv.server;

import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One connection's requests, answered in order, with plain SETs written to the store in batches shared by every
 * connection of its event loop ({@link LoopWrites}).
 *
 * <p>How it is designed, and why: a pipelining client (redis-benchmark {@code -P 16}, a client library's pipeline)
 * sends many SETs in one TCP segment. Run one by one, each SET takes the log's lock, frames its record and issues its
 * own {@code write} system call, and under {@code SyncPolicy.ALWAYS} waits for its own force: profiled under
 * {@code -P 16}, that was 0.73 {@code pwrite} and 0.25 {@code futex} calls per SET. A plain SET (see
 * {@link SetBatch#isPlain}) whose key and value the store accepts is therefore not run at once: it joins the loop's
 * batch, and its OK is owed until the loop writes that batch at the end of its iteration (one
 * {@code KeyValueStore.write(WriteBatch)}: one log append, one {@code write}, at most one force, for every connection
 * the loop served in that iteration). While a write of this connection's is owed, the next request that cannot join
 * it is held ({@link #accepting()} turns false, and the connection parses nothing more) and runs when the replies come
 * back ({@link #written}). Reads run at once when nothing is owed: they see only written SETs, since the store applies
 * a write only after its append (and under {@code ALWAYS} its force). Any other write (INCR, DEL, a SET with an
 * option) runs at once too, on the loop, unless the loop's writes run off it ({@link LoopWrites#othersOffLoop()},
 * under {@code ALWAYS}: such a write waits for a force, so a worker runs it).
 *
 * <p>The owed OKs are written, in order, before any later reply: the client sees the same replies in the same order
 * as without batching, and under {@code ALWAYS} no OK leaves before its SET is on disk. A request that fails to
 * parse, or a SET the batch does not take (an option, an empty or oversized key), answers in its place after the
 * SETs before it. If the store fails a batch (an I/O error, a closed store), every SET in it gets that error: each
 * would have failed alone too, since the log stops at its first failure.
 *
 * <p>What other clients may notice: a batch is atomic, as MSET is (all of it or none survives a crash, and a reader
 * sees all of it or none), which is stronger than Redis promises for separate SETs; seeing SETs all at once is an
 * interleaving that Redis also allows. Rejected: batching reads (a GET is a memory lookup; there is nothing to share);
 * a batch per connection (what this did until session 6): one append per connection per read, where the loop's batch
 * makes it one per iteration.
 *
 * <p>Not thread-safe: confined to its connection's event loop (or a test's thread).
 */
final class RequestPipeline {

    /** A request held while a write is owed: run when its replies are back. */
    private interface Held {
        void run() throws IOException;
    }

    private final CommandHandler handler;
    private final Session session;
    private final RespWriter writer;
    private final LoopWrites loopWrites;
    private final LoopWrites.Waiter waiter;
    /** SETs in the loop's shared batch whose OKs are owed, and that batch's generation. */
    private int owedSets;

    private long owedGeneration;
    /** A write other than plain SETs is off the loop. */
    private boolean writing;

    private @Nullable Held held;
    /** Requests submitted since the last {@link #endOfInput()}, counted then, once per read rather than per request. */
    private int submitted;

    /**
     * A pipeline answering {@code session}'s requests through {@code writer}, its plain SETs joining
     * {@code loopWrites}' batches; {@code waiter} (the connection) is told when a write's replies are back, after this
     * pipeline.
     */
    RequestPipeline(
            CommandHandler handler,
            Session session,
            RespWriter writer,
            LoopWrites loopWrites,
            LoopWrites.Waiter waiter) {
        this.handler = handler;
        this.session = session;
        this.writer = writer;
        this.loopWrites = loopWrites;
        this.waiter = waiter;
    }

    /** Whether the next request may be submitted now; if not, a request is held until a write's replies are back. */
    boolean accepting() {
        return held == null;
    }

    /** Whether replies are owed for a write that has not finished: the connection waits for them before reading on. */
    boolean awaitingWrite() {
        return writing || owedSets > 0;
    }

    /** Answers the request {@code words} (the command name first), now or when the write before it is done. */
    void submit(List<byte[]> words) throws IOException {
        submitted++;
        Command command;
        try {
            command = handler.parse(words, session);
        } catch (CommandException e) {
            reply(e.reply());
            return;
        }
        boolean writes = loopWrites.othersOffLoop() && handler.writes(words);
        run(command, writes);
    }

    /** Sends {@code reply} after the replies owed to earlier requests (a protocol error, for one). */
    void reply(Reply reply) throws IOException {
        if (awaitingWrite()) {
            held = () -> writer.write(reply);
            return;
        }
        writer.write(reply);
    }

    /** Every request that had arrived has been submitted: counts them. */
    void endOfInput() {
        if (submitted > 0) {
            handler.countCommands(submitted);
            submitted = 0;
        }
    }

    /**
     * On the loop: the write this pipeline waited for is done with {@code reply} (each owed SET's, or
     * the one command's). Answers it and runs the held request, if any, which may start another write.
     */
    void written(Reply reply) throws IOException {
        if (writing) {
            writing = false;
            writer.write(reply);
        } else {
            for (; owedSets > 0; owedSets--) {
                writer.write(reply);
            }
        }
        Held next = held;
        held = null;
        if (next != null) {
            next.run();
        }
    }

    private void run(Command command, boolean writes) throws IOException {
        if (command instanceof StringCommand.Set set && handler.batchable(set)) {
            runSet(loopWrites, set);
        } else if (awaitingWrite()) {
            held = () -> run(command, writes);
        } else if (writes) {
            writing = true;
            loopWrites.execute(waiter, session, command);
        } else {
            writer.write(handler.execute(command, session));
        }
    }

    private void runSet(LoopWrites shared, StringCommand.Set set) throws IOException {
        boolean joinable = !writing && (owedSets == 0 || owedGeneration == shared.generation());
        if (joinable && offer(shared, set)) {
            return;
        }
        if (joinable && owedSets == 0) {
            // The loop's batch is full of other connections' SETs: send it and start the next with this one.
            shared.dispatch();
            if (offer(shared, set)) {
                return;
            }
        }
        held = () -> run(set, true);
    }

    private boolean offer(LoopWrites shared, StringCommand.Set set) {
        if (!shared.offer(waiter, session, set, owedSets == 0)) {
            return false;
        }
        owedGeneration = shared.generation();
        owedSets++;
        return true;
    }
}
