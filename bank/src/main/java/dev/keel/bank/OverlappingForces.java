package dev.keel.bank;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Commits whose forces overlap: the sequencer writes each batch's record to the operating system itself
 * ({@link Journal#writeUnforced}) and goes on to the next batch at once, while a few force threads
 * ({@code keel-bank-sequencer-force-N}) force the log, each force concurrently with the others, and answer every
 * batch that a completed force covers.
 *
 * <p>How it is designed, and why: with the sequencer forcing each batch itself ({@link InlineCommits}), 8 closed-loop
 * clients split into two groups that take turns: the clients answered by one force come back while the next force,
 * which carries the other group, is already running, so each client waits for about two forces per transfer. A
 * pipeline with one commit thread ({@link CommitPipeline}) keeps that shape, because its forces still run one after
 * another. But an {@code fsync} covers every byte written before it started, and the disk takes several at once (on
 * this project's virtio disk, two threads forcing one file get about twice the forces per second of one), so a batch
 * written while a force is in flight need not wait for that force: a second thread forces it at once, and each client
 * waits for about one force. The force threads also wake the clients, so the sequencer's critical path is apply,
 * encode and {@code write}, with no wake-ups in it. Each force covers every batch written when it started, so forces
 * still group-commit whatever arrived meanwhile; at most {@code threads} are in flight.
 *
 * <p>The rule is the same as everywhere: a request is answered only once the log is durable to the end of its batch.
 * Batches are numbered in write order; a force records the newest batch written before it starts, and when it returns
 * every batch up to that number is durable (an earlier force still in flight does not matter: the later one covers its
 * bytes too), so forces may complete in any order. Answers go out in batch order per force.
 *
 * <p>Failure is fail-stop, as in {@link CommitPipeline}: a failed write or force fails every batch not yet answered
 * (they are in doubt), later submits fail at once, and {@code onFailure} is told once.
 *
 * <p>Thread-safe: {@link #submit}, {@link #idle}, {@link #awaitDurable} and {@link #close} are called by the
 * sequencer's thread, {@link #failure} by any thread; the state they share with the force threads is guarded by
 * {@code lock}.
 */
final class OverlappingForces implements Commits {

    /** A written batch and the replies that wait for it to be durable. */
    private record Batch(long number, List<? extends Reply> replies) {}

    private final Journal journal;
    private final Consumer<BankException> onFailure;
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when a batch is written that no force in flight covers, and on close. */
    private final Condition work = lock.newCondition();
    /** Signalled when a force completes or fails. */
    private final Condition forced = lock.newCondition();

    private final int threads;
    // @GuardedBy("lock"): force threads inside journal.force().
    private int forcesInFlight;
    // @GuardedBy("lock"): batches written and not yet answered, in write order.
    private final ArrayDeque<Batch> unanswered = new ArrayDeque<>();
    // @GuardedBy("lock"): the newest batch written, the newest a force in flight covers, the newest durable.
    private long written;
    private long forcing;
    private long durable;
    // @GuardedBy("lock")
    private boolean closing;
    private volatile @Nullable BankException failure;
    private final List<Thread> forceThreads = new ArrayList<>();

    /** Starts {@code threads} force threads named {@code name-0}, {@code name-1} ... */
    OverlappingForces(Journal journal, int threads, String name, Consumer<BankException> onFailure) {
        this.journal = journal;
        this.onFailure = onFailure;
        this.threads = threads;
        for (int i = 0; i < threads; i++) {
            this.forceThreads.add(Thread.ofPlatform().name(name + "-" + i).start(this::loop));
        }
    }

    @Override
    public void submit(byte @Nullable [] record, List<? extends Reply> replies) {
        if (failure == null && record != null) {
            try {
                journal.writeUnforced(record);
            } catch (java.io.IOException | RuntimeException e) {
                fail(new BankException(
                        BankException.Code.LOG_FAILED, "the log failed; reopen the banking system: " + e, e));
            }
        }
        BankException failed = failure;
        if (failed != null) {
            Commits.answer(replies, failed);
            return;
        }
        lock.lock();
        try {
            if (record != null) {
                written++;
            }
            if (written <= durable && unanswered.isEmpty()) {
                replies = List.copyOf(replies); // a read behind durable batches: answered below, without the lock
            } else {
                unanswered.addLast(new Batch(written, List.copyOf(replies)));
                if (written > forcing) {
                    work.signal();
                }
                return;
            }
        } finally {
            lock.unlock();
        }
        Commits.answer(replies, null);
    }

    @Override
    public boolean idle() {
        lock.lock();
        try {
            return unanswered.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public @Nullable BankException failure() {
        return failure;
    }

    /**
     * Waits while every force thread is forcing: a batch written now would wait for one of them anyway, and the
     * requests that arrive meanwhile then share one record, one write and one force.
     */
    @Override
    public void awaitRoom() {
        lock.lock();
        try {
            while (forcesInFlight >= threads && failure == null) {
                forced.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean awaitDurable() {
        lock.lock();
        try {
            while (durable < written && failure == null) {
                forced.awaitUninterruptibly();
            }
            return failure == null;
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (true) {
            long target;
            lock.lock();
            try {
                while (written <= forcing && failure == null && !closing) {
                    work.awaitUninterruptibly();
                }
                if (failure != null || written <= forcing) {
                    return; // failed, or closing with every written batch covered by a force (done or in flight)
                }
                target = written;
                forcing = target;
                forcesInFlight++;
            } finally {
                lock.unlock();
            }
            BankException failed = null;
            try {
                journal.force();
            } catch (java.io.IOException | RuntimeException e) {
                failed = new BankException(
                        BankException.Code.LOG_FAILED, "the log failed; reopen the banking system: " + e, e);
            }
            if (failed != null) {
                fail(failed);
                return;
            }
            List<Batch> done = new ArrayList<>();
            lock.lock();
            try {
                forcesInFlight--;
                durable = Math.max(durable, target);
                while (!unanswered.isEmpty() && unanswered.peekFirst().number() <= durable) {
                    done.add(unanswered.pollFirst());
                }
                forced.signalAll();
            } finally {
                lock.unlock();
            }
            for (Batch batch : done) {
                Commits.answer(batch.replies(), null);
            }
        }
    }

    /** Records the failure, fails every batch not yet answered and wakes every thread that waits. */
    private void fail(BankException cause) {
        List<Batch> failed;
        lock.lock();
        try {
            if (failure == null) {
                failure = cause;
                onFailure.accept(cause);
            }
            failed = new ArrayList<>(unanswered);
            unanswered.clear();
            work.signalAll();
            forced.signalAll();
        } finally {
            lock.unlock();
        }
        BankException reason = failure;
        for (Batch batch : failed) {
            Commits.answer(batch.replies(), reason);
        }
    }

    /** Forces and answers everything submitted, then stops the force threads. Called once, by the sequencer. */
    @Override
    public void close() {
        awaitDurable();
        lock.lock();
        try {
            closing = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
        for (Thread thread : forceThreads) {
            Uninterruptible.join(thread);
        }
    }
}
