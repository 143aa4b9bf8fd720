package dev.keel.kv.server;

import dev.keel.kv.WriteBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * One event loop's writes, with the plain SETs of all its connections of one iteration written together: under
 * {@code SyncPolicy.ALWAYS} on the loop itself or off it, under {@code NONE} and {@code INTERVAL} on the loop
 * ({@link #sharedOnLoop}).
 *
 * <p>Without a force to share ({@code NONE}, {@code INTERVAL}), the shared batch still saves the log's appends: one
 * {@code write} system call per loop iteration instead of one per connection per read, as Redis writes its AOF buffer
 * once per iteration. Measured on a loaded machine (load average 18-22, redis-benchmark {@code -P 16 -c 50}, three
 * alternating pairs): 1.39-1.51 against 1.44-1.72 us of server CPU per SET, system time 0.40-0.44 against 0.49-0.54.
 *
 * <p>How it is designed, and why: Redis answers every client it read in one loop iteration after one {@code fsync}
 * (its {@code beforeSleep}); a thread per connection instead leaves each client to catch a force on its own, and
 * profiled, each of keel's forces covered 12-13 of 50 clients. Here a connection's plain SETs join the loop's shared
 * {@link SetBatch} ({@link #offer}); at the end of the loop iteration ({@link #dispatch()}) the batch is written as
 * one {@code KeyValueStore.write} (one append, one force, shared through the log's group commit with the other loops'
 * batches) and every connection that put a SET in it gets its replies ({@link Waiter#written}).
 *
 * <p>Where the batch is written ({@code KvServerOptions.commitOnLoop}): on the loop, as Redis does, the loop waits for
 * the force, and its clients' next requests gather in their sockets meanwhile, so the next iteration reads them all
 * into one batch; no thread is woken to write and none to answer. Measured on a quiet 2-core machine against handing
 * the batch to a worker (a virtual thread, replies back through the loop's task queue): 67,000-70,000 fsynced SETs a
 * second against 54,000-59,000, at 10.6-11.4 against 16-17.5 us of CPU per SET (the hand-offs' wake-ups and the
 * worker pool's bookkeeping were a third of the worker design's Java samples). Off the loop wins when the machine is
 * shared: with other jobs loading the CPU and the disk (load average 20), a loop blocked in a slow force starved its
 * clients (3,400-5,000 SETs a second against 19,000-21,000). Any other write ({@link #execute}: INCR, DEL, a SET with
 * an option) runs alone on a worker either way; concurrent ones still share forces through the log's group commit. A
 * connection with a write in flight parses nothing more until its replies are back (see {@link RequestPipeline}), so
 * its replies stay in order and none is sent before its write is durable. A connection's SETs are all in one batch:
 * one that would have to go into the next batch waits, so a connection never has two writes in flight.
 *
 * <p>Not thread-safe: confined to its event loop; only the workers' completions cross threads, through the loop's
 * task queue.
 */
final class LoopWrites {

    /** A connection waiting for a write: told the write's reply, on its loop's thread. */
    interface Waiter {
        void written(Reply reply);
    }

    private final CommandHandler handler;
    private final @Nullable Executor workers;
    private final Executor loop;
    private final boolean onLoop;
    private SetBatch batch = new SetBatch();
    private List<Waiter> waiting = new ArrayList<>();
    private @Nullable Session firstSession;
    private long generation;

    /**
     * Writes through {@code handler}: SET batches on the loop's own thread if {@code onLoop}, else on {@code workers};
     * other writes on {@code workers}, handing replies back through {@code loop}.
     */
    LoopWrites(CommandHandler handler, Executor workers, Executor loop, boolean onLoop) {
        this.handler = handler;
        this.workers = java.util.Objects.requireNonNull(workers, "workers");
        this.loop = loop;
        this.onLoop = onLoop;
    }

    /**
     * A loop's shared SET batch for a store whose writes never wait for the disk ({@code NONE}, {@code INTERVAL}):
     * written on the loop at the end of each iteration, so the loop's connections share one append (one {@code write}
     * system call) where each connection's pipeline made its own; any other write runs on the loop at once
     * ({@link #othersOffLoop()} is false).
     */
    static LoopWrites sharedOnLoop(CommandHandler handler, Executor loop) {
        return new LoopWrites(handler, loop);
    }

    private LoopWrites(CommandHandler handler, Executor loop) {
        this.handler = handler;
        this.workers = null;
        this.loop = loop;
        this.onLoop = true;
    }

    /** Whether writes other than batched SETs run off the loop ({@link #execute}); if not, they run on it at once. */
    boolean othersOffLoop() {
        return workers != null;
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

    /** Writes the shared batch, if it holds any SET (on the loop, or off it); its waiters hear back on the loop. */
    void dispatch() {
        if (onLoop) {
            // Answering lets connections parse on, and their SETs form the next batch: write that too before the
            // loop sleeps, or they would wait for some unrelated event to wake it.
            for (Taken taken = take(); taken != null; taken = take()) {
                answer(taken.owners(), handler.write(taken.writes(), taken.session()));
            }
            return;
        }
        Taken taken = take();
        Executor offLoop = workers;
        if (taken != null && offLoop != null) {
            offLoop.execute(() -> {
                Reply reply = handler.write(taken.writes(), taken.session());
                loop.execute(() -> answer(taken.owners(), reply));
            });
        }
    }

    /** A batch taken for writing: its SETs, the connections owed their replies, and a session to write it as. */
    private record Taken(WriteBatch writes, List<Waiter> owners, Session session) {}

    /** Takes the shared batch, if it holds any SET, and starts the next batch (and generation); else null. */
    private @Nullable Taken take() {
        Session session = firstSession;
        if (batch.isEmpty() || session == null) {
            return null;
        }
        Taken taken = new Taken(batch.take(), waiting, session);
        waiting = new ArrayList<>();
        firstSession = null;
        generation++;
        return taken;
    }

    private static void answer(List<Waiter> owners, Reply reply) {
        for (Waiter owner : owners) {
            owner.written(reply);
        }
    }

    /** Runs {@code command}, a write from {@code session}, off the loop; {@code waiter} hears its reply on the loop. */
    void execute(Waiter waiter, Session session, Command command) {
        Executor offLoop = workers;
        if (offLoop == null) {
            throw new IllegalStateException("writes run on the loop here: othersOffLoop() is false");
        }
        offLoop.execute(() -> {
            Reply reply = handler.execute(command, session);
            loop.execute(() -> waiter.written(reply));
        });
    }
}
