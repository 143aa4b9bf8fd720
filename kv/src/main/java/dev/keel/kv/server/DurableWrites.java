package dev.keel.kv.server;

import dev.keel.kv.WriteBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * One event loop's writes under {@code SyncPolicy.ALWAYS}, run off the loop so that no fsync stalls it, with the plain
 * SETs of all its connections written together.
 *
 * <p>How it is designed, and why: Redis answers every client it read in one loop iteration after one {@code fsync}
 * (its {@code beforeSleep}); a thread per connection instead leaves each client to catch a force on its own, and
 * profiled, each of keel's forces covered 12-13 of 50 clients. Here a connection's plain SETs join the loop's shared
 * {@link SetBatch} ({@link #offer}); at the end of the loop iteration ({@link #dispatch()}) the batch goes to a
 * worker as one {@code KeyValueStore.write} (one append, one force) and every connection that put a SET in it gets its
 * replies back on the loop ({@link Waiter#written}). Any other write ({@link #execute}: INCR, DEL, a SET with an
 * option) runs alone on a worker; concurrent ones still share forces through the log's group commit. The workers are
 * virtual threads: they only wait for the store. A connection with a write in flight parses nothing more until its
 * replies are back (see {@link RequestPipeline}), so its replies stay in order and none is sent before its write is
 * durable. A connection's SETs are all in one batch: one that would have to go into the next batch waits, so a
 * connection never has two writes in flight.
 *
 * <p>Not thread-safe: confined to its event loop; only the workers' completions cross threads, through the loop's
 * task queue.
 */
final class DurableWrites {

    /** A connection waiting for a write: told the write's reply, on its loop's thread. */
    interface Waiter {
        void written(Reply reply);
    }

    private final CommandHandler handler;
    private final Executor workers;
    private final Executor loop;
    private SetBatch batch = new SetBatch();
    private List<Waiter> waiting = new ArrayList<>();
    private @Nullable Session firstSession;
    private long generation;

    /** Writes through {@code handler} on {@code workers}, handing replies back through {@code loop}. */
    DurableWrites(CommandHandler handler, Executor workers, Executor loop) {
        this.handler = handler;
        this.workers = workers;
        this.loop = loop;
    }

    /**
     * The number of the batch that SETs join now: a connection that already has SETs in batch {@code g} may add more
     * only while {@code generation() == g}.
     */
    long generation() {
        return generation;
    }

    /**
     * Adds a batchable SET from {@code waiter}'s session to the shared batch; {@code first} says whether it is the
     * waiter's first in this batch. Returns false if the batch is full: the waiter must wait for its SETs already in
     * the batch, or, if it has none there, call {@link #dispatch()} and offer again.
     */
    boolean offer(Waiter waiter, Session session, StringCommand.Set set, boolean first) {
        if (!batch.fits(set)) {
            return false;
        }
        batch.add(set);
        if (first) {
            waiting.add(waiter);
        }
        if (firstSession == null) {
            firstSession = session;
        }
        return true;
    }

    /** Sends the shared batch, if it holds any SET, to be written off the loop; its waiters hear back on the loop. */
    void dispatch() {
        Session session = firstSession;
        if (batch.isEmpty() || session == null) {
            return;
        }
        WriteBatch writes = batch.take();
        List<Waiter> owners = waiting;
        waiting = new ArrayList<>();
        firstSession = null;
        generation++;
        workers.execute(() -> {
            Reply reply = handler.write(writes, session);
            loop.execute(() -> {
                for (Waiter owner : owners) {
                    owner.written(reply);
                }
            });
        });
    }

    /** Runs {@code command}, a write from {@code session}, off the loop; {@code waiter} hears its reply on the loop. */
    void execute(Waiter waiter, Session session, Command command) {
        workers.execute(() -> {
            Reply reply = handler.execute(command, session);
            loop.execute(() -> waiter.written(reply));
        });
    }
}
