package dev.keel.storage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * Who does the log's I/O next, and whom to wake when it is done: the bookkeeping of group commit.
 *
 * <p>How it is designed, and why: appenders frame their records under the log's lock, then either become the I/O
 * leader (if nobody is) or join a queue in framing order, so the queue is sorted by the LSN each waiter needs
 * committed. When a flush completes, exactly the waiters it covered are woken, each once, with {@link LockSupport}
 * rather than a shared {@code Condition}: a {@code signalAll} would wake every waiter on every flush (with 64
 * appenders and 2 cores that thundering herd, not the disk, capped throughput), and each woken thread would then
 * queue for the lock again just to find out whether it was done. Only the first waiter a flush covered is unparked;
 * each wakes the next on its way out (a wake chain), so the leader is free to start the next flush at once. A leader
 * that finds appenders queued after its flush leads another round itself, up to a bound, because it is already
 * running: handing off costs a wake-up and a context switch on the critical path, which on a loaded 2-core machine is
 * longer than the force. After the bound it hands leadership to the first waiter, so no appender leads forever. An operation that needs the log
 * idle (a segment roll, {@code sync}, {@code close}) asks for it, which stops hand-offs until it has run.
 *
 * <p>Not thread-safe on its own: every method except {@link #await} is called with the log's lock held; {@code await}
 * is called without it.
 */
final class CommitQueue {

    /** One appender waiting for its record to be committed. */
    static final class Waiter {
        private static final int WAITING = 0;
        private static final int DONE = 1;
        private static final int LEAD = 2;
        private static final int FAILED = 3;

        private final Thread thread = Thread.currentThread();
        private final long end;
        private volatile int state = WAITING;
        /** The next waiter completed by the same flush, which this one wakes on its way out (a wake chain). */
        private @Nullable Waiter chainNext;

        private Waiter(long end) {
            this.end = end;
        }
    }

    /** What a waiter was woken for. */
    enum Outcome {
        /** Its record is committed. */
        DONE,
        /** It is the I/O leader now and must flush. */
        LEAD,
        /** The log failed; its record may or may not be on disk. */
        FAILED
    }

    /** Parallel wake chains: one per core, at least two. */
    static final int WAKE_CHAINS = Math.max(2, Runtime.getRuntime().availableProcessors());

    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    private final Condition idle;
    /** Threads to unpark at the next {@link #wakeAll}: heads of wake chains, new leaders, failed waiters. */
    private final List<Waiter> toWake = new ArrayList<>();

    private boolean busy;
    private int exclusiveWanted;

    CommitQueue(Condition idle) {
        this.idle = idle;
    }

    /** Makes the caller the I/O leader if nobody is; otherwise returns false and the caller must {@link #enqueue}. */
    boolean tryLead() {
        if (busy) {
            return false;
        }
        busy = true;
        return true;
    }

    /** Queues the caller until bytes up to {@code end} are committed. */
    Waiter enqueue(long end) {
        Waiter waiter = new Waiter(end);
        waiters.addLast(waiter);
        return waiter;
    }

    /**
     * Marks every waiter whose record lies below {@code committedLsn} done. They are woken in {@link #WAKE_CHAINS}
     * interleaved chains: only each chain's first waiter is queued for {@link #wakeAll}, and every waiter wakes the
     * next of its chain on its way out. The leader spends a few unparks, not one per waiter, before it can start the
     * next flush, and the chains run in parallel on the machine's cores.
     */
    void complete(long committedLsn) {
        Waiter[] heads = new Waiter[WAKE_CHAINS];
        Waiter[] tails = new Waiter[WAKE_CHAINS];
        List<Waiter> done = new ArrayList<>();
        for (int i = 0; !waiters.isEmpty() && waiters.peekFirst().end <= committedLsn; i++) {
            Waiter waiter = waiters.pollFirst();
            int chain = i % WAKE_CHAINS;
            if (heads[chain] == null) {
                heads[chain] = waiter;
            } else {
                tails[chain].chainNext = waiter;
            }
            tails[chain] = waiter;
            done.add(waiter);
        }
        // Publish the chains before any state: a waiter that sees DONE must also see whom to wake next.
        for (Waiter waiter : done) {
            waiter.state = Waiter.DONE;
        }
        for (Waiter head : heads) {
            if (head != null) {
                toWake.add(head);
            }
        }
    }

    /** True if appenders are queued, and no exclusive operation is waiting for the log to go idle. */
    boolean hasWaitersToLead() {
        return !waiters.isEmpty() && exclusiveWanted == 0;
    }

    /**
     * Ends the caller's turn as I/O leader: hands leadership to the first waiter still waiting, unless an exclusive
     * operation is waiting for the log to go idle (or nobody waits), in which case the log goes idle.
     */
    void endTurn() {
        if (!waiters.isEmpty() && exclusiveWanted == 0) {
            Waiter next = waiters.pollFirst();
            next.state = Waiter.LEAD;
            toWake.add(next);
        } else {
            busy = false;
            idle.signalAll();
        }
    }

    /** Fails every waiter (the log failed) and lets exclusive operations in to see it. */
    void failAll() {
        for (Waiter waiter : waiters) {
            waiter.state = Waiter.FAILED;
            toWake.add(waiter);
        }
        waiters.clear();
        busy = false;
        idle.signalAll();
    }

    /** Waits (releasing the lock) until no flush is in progress, then holds the I/O role until {@link #endTurn}. */
    void acquireExclusive() {
        exclusiveWanted++;
        try {
            while (busy) {
                idle.awaitUninterruptibly();
            }
        } finally {
            exclusiveWanted--;
        }
        busy = true;
    }

    /**
     * Unparks the threads marked since the last call. Called after the state they will read is published; unparking
     * while the lock is held is safe (they read volatile state, not guarded fields).
     */
    void wakeAll() {
        for (Waiter waiter : toWake) {
            LockSupport.unpark(waiter.thread);
        }
        toWake.clear();
    }

    /** Parks the calling thread until its waiter is done, made leader or failed. Called without the lock. */
    static Outcome await(Waiter waiter) {
        boolean interrupted = false;
        int state;
        while ((state = waiter.state) == Waiter.WAITING) {
            LockSupport.park(waiter);
            if (Thread.interrupted()) {
                // The record is framed and will be committed either way: finish, then report the interrupt.
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (state == Waiter.DONE && waiter.chainNext != null) {
            LockSupport.unpark(waiter.chainNext.thread);
        }
        return switch (state) {
            case Waiter.DONE -> Outcome.DONE;
            case Waiter.LEAD -> Outcome.LEAD;
            default -> Outcome.FAILED;
        };
    }
}
