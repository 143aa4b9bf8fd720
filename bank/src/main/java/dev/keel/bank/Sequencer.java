package dev.keel.bank;

import dev.keel.time.Ticker;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The single writer: one thread takes requests off a bounded queue in batches, runs each against the {@link Ledger},
 * seals the batch's events into one log record ({@link Journal#seal}) and hands it to its {@link Commits}, which make
 * it durable and only then answer every request in the batch. With pipeline depth 0 (the default) that is
 * {@link InlineCommits}: this thread writes and forces the record itself, answers, and takes the next batch, which
 * holds everything that arrived during the force. With a depth above 0 it is a {@link CommitPipeline}: a second thread
 * forces batch N while this one already runs batch N+1 (measured in docs/bank.md: on 2 cores that pays only with many
 * clients). With force threads it is {@link OverlappingForces}: this thread writes each batch unforced and goes on,
 * and several forces run at once.
 *
 * <p>How it is designed, and why (TigerBeetle's design, measured against lock ordering in docs/bank.md): the
 * alternative, a lock per account taken in id order, lets transfers between disjoint accounts run in parallel, but a
 * transfer must hold its locks until its record is durable, so every transfer touching a hot account waits for its own
 * fsync, one after another. Here a request never waits for another's fsync in particular: whatever arrived while the
 * last batch was being forced goes into the next one, so a hot account costs nothing extra and the ledger needs no
 * locks at all (it is confined to this thread). Measured in docs/bank.md. Whichever {@link Commits} runs, a request
 * is answered only once the log is durable to the end of its batch, so a read that saw in-memory state ahead of the
 * disk (possible only when pipelined) is not answered until that state is durable, and no client ever learns of
 * anything a crash can take back.
 *
 * <p>Failure: if the journal fails, the in-memory ledger is ahead of the disk, so every request not yet answered is
 * failed and all later ones refused with {@link BankException.Code#LOG_FAILED}; reopening recovers from what is on
 * disk. An operation that throws (a bug) fails its own request; its events, already applied, are still journaled so
 * that memory and disk agree.
 *
 * <p>Thread-safe: {@link #call} may be used from any number of threads.
 */
final class Sequencer implements AutoCloseable {

    /** A request and, once run, its result; answered only after its batch is durable. Sequencer thread only. */
    private static final class Request<T> implements Commits.Reply {
        final Function<Ledger, T> operation;
        final CompletableFuture<T> done = new CompletableFuture<>();
        private @Nullable T result;
        private @Nullable RuntimeException error;
        /** Runs only once everything sealed before it is durable (a snapshot must cover exactly the ledger). */
        final boolean onDurableState;

        Request(Function<Ledger, T> operation, boolean onDurableState) {
            this.operation = operation;
            this.onDurableState = onDurableState;
        }

        void run(Ledger ledger) {
            try {
                result = operation.apply(ledger);
            } catch (RuntimeException e) {
                error = e;
            }
        }

        @Override
        public void release() {
            if (error != null) {
                done.completeExceptionally(error);
            } else {
                done.complete(result);
            }
        }

        @Override
        public void fail(RuntimeException reason) {
            done.completeExceptionally(reason);
        }
    }

    /** Queued by close() behind every request handed over before it; one per sequencer, as it carries state. */
    private final Request<Void> stop = new Request<>(ledger -> null, false);

    /** A batch is cut into several log records beyond this many events (keeps records well below the size limit). */
    static final int MAX_EVENTS_PER_RECORD = 65_536;

    private final Ledger ledger;
    private final Journal journal;
    /** Null for an in-memory journal, whose batches are answered as soon as they ran. */
    private final @Nullable Commits commits;

    private final int maxBatch;
    /** How long to wait for each further request while a batch is smaller than the last one; 0: never wait. */
    private final long gatherNanos;
    /** Requests in the last batch: the clients it answered, who may be about to come back. Sequencer thread only. */
    private int lastBatchSize;
    /**
     * Requests already queued when the last batch's force returned, before it was answered: clients other than the
     * last batch's, who came back during the force. Inline commits only (0 otherwise). Sequencer thread only.
     */
    private int queuedWhenDurable;
    /**
     * The most requests a gather waits for. Why a bound: a force shared by a few requests is where waiting pays (at 8
     * closed-loop clients the batches otherwise split into two groups taking turns, each paying a force); a batch of
     * dozens already shares its force, and waiting for the last stragglers of a large batch only delays it (at 64
     * clients an unbounded gather cost 12-16% of the rate in session 6's quiet runs).
     */
    static final int GATHER_AT_MOST = 16;

    private final ArrivalQueue<Request<?>> queue;
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private final Thread thread;
    /** How many requests of the batch being formed have run ({@link #runArrived}). Sequencer thread only. */
    private int ranUpTo;
    /** How many requests of the batch being formed are sealed into records. Sequencer thread only. */
    private int sealedUpTo;
    /** Set when the stop request has run: the batch it is in is finished, and then the thread ends. Sequencer only. */
    private boolean stopRequested;
    // @GuardedBy("lifecycle") for writes; read without it to fail fast.
    private volatile boolean closed;
    private volatile @Nullable BankException failure;

    /**
     * Starts the sequencer thread {@code name} (and, with {@code pipelineDepth} above 0, its commit thread, with up to
     * that many sealed batches waiting for the disk before it blocks); with 0 it forces each batch itself.
     */
    Sequencer(
            Ledger ledger,
            Journal journal,
            int maxBatch,
            int pipelineDepth,
            Duration gather,
            int forceThreads,
            Ticker ticker,
            String name) {
        this.ledger = ledger;
        this.gatherNanos = journal.writes() && pipelineDepth == 0 ? gather.toNanos() : 0;
        this.journal = journal;
        this.maxBatch = maxBatch;
        this.queue = new ArrivalQueue<>(Math.max(1024, maxBatch * 4), ticker);
        if (!journal.writes()) {
            this.commits = null;
        } else if (forceThreads > 0 && pipelineDepth == 0) {
            this.commits = new OverlappingForces(journal, forceThreads, name + "-force", this::fail);
        } else if (pipelineDepth == 0) {
            this.commits = new InlineCommits(journal, this::fail, this::noteQueuedWhenDurable);
        } else {
            this.commits = new CommitPipeline(journal, pipelineDepth + 1, name + "-commit", this::fail);
        }
        this.thread = Thread.ofPlatform().name(name).start(this::loop);
    }

    /**
     * Runs {@code operation} on the ledger, in the sequencer's order, and returns its result once the log is durable
     * to the end of the batch it ran in (so everything it changed or saw is durable). Waits without giving up on an interrupt (the caller must learn what happened to a transfer
     * it handed over); the interrupt status is restored before returning.
     */
    <T> T call(Function<Ledger, T> operation) {
        return call(new Request<>(operation, false));
    }

    /**
     * As {@link #call}, but {@code operation} runs only once every batch sealed before it is durable, so that the
     * ledger it sees is exactly what the log holds (for a snapshot, whose covered position must match the ledger).
     */
    <T> T callOnDurableState(Function<Ledger, T> operation) {
        return call(new Request<>(operation, true));
    }

    private <T> T call(Request<T> request) {
        CompletableFuture<T> done = request.done;
        boolean interrupted = false;
        lifecycle.readLock().lock();
        try {
            checkOpen();
            queue.put(request); // restores the interrupt status, which the wait below then notes
        } finally {
            lifecycle.readLock().unlock();
        }
        try {
            while (true) {
                try {
                    return done.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IllegalStateException("the sequencer failed a request", e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void checkOpen() {
        BankException failed = failure;
        if (failed != null) {
            throw new BankException(failed.code(), failed.getMessage(), failed);
        }
        if (closed) {
            throw new BankException(BankException.Code.CLOSED, "the banking system is closed");
        }
    }

    private void loop() {
        try {
            run();
        } finally {
            if (commits != null) {
                commits.close(); // writes and answers what was sealed, or fails it if the log failed
            }
        }
    }

    private void run() {
        List<Request<?>> batch = new ArrayList<>(maxBatch);
        while (!stopRequested) {
            if (commits != null) {
                commits.awaitRoom();
            }
            Request<?> first = gatherNanos > 0 ? queue.pollYielding(gatherNanos) : null;
            if (first == null) {
                try {
                    first = queue.take();
                } catch (InterruptedException e) {
                    // Nobody interrupts this thread but close(), which stops it through the queue; keep going.
                    continue;
                }
            }
            batch.add(first);
            queue.drainTo(batch, maxBatch - 1);
            ranUpTo = 0;
            sealedUpTo = 0;
            if (!runArrived(batch) || !gather(batch)) {
                return;
            }
            if (sealedUpTo < batch.size()) {
                seal(batch.subList(sealedUpTo, batch.size()));
            }
            batch.clear();
            try {
                if (journal.snapshotDue()) {
                    if (commits != null && !commits.awaitDurable()) {
                        drainAndFail(); // the commits reported the failure already
                        return;
                    }
                    journal.startSnapshot(ledger);
                }
            } catch (IOException | RuntimeException e) {
                // A snapshot is a shortcut for recovery, not the truth, but a disk that fails it is failing.
                fail(new BankException(BankException.Code.LOG_FAILED, "writing a snapshot failed: " + e, e));
                drainAndFail();
                return;
            }
        }
        drainAndFail();
    }

    /**
     * Runs the requests of {@code batch} that arrived since the last call, in order, sealing what ran into a record
     * early only where it must (before a request that needs durable state, or when the events grow past
     * {@link #MAX_EVENTS_PER_RECORD}); the rest of the batch is sealed once the gather ends. Why run as they arrive:
     * during the gather the sequencer would otherwise only wait, and the running then adds to the cycle after the last
     * client is back (measured in docs/bank.md). Returns false if the system failed: everything unanswered is failed.
     */
    private boolean runArrived(List<Request<?>> batch) {
        if (failure != null) {
            failAll(batch.subList(sealedUpTo, batch.size()));
            drainAndFail();
            return false;
        }
        for (int i = ranUpTo; i < batch.size(); i++) {
            Request<?> request = batch.get(i);
            if (request == stop) {
                stopRequested = true;
            } else {
                if (request.onDurableState && commits != null) {
                    if (i > sealedUpTo) {
                        seal(batch.subList(sealedUpTo, i));
                        sealedUpTo = i;
                    }
                    if (!commits.awaitDurable()) {
                        failAll(batch.subList(i, batch.size()));
                        drainAndFail(); // the commits failed what was sealed and reported the failure
                        return false;
                    }
                }
                request.run(ledger);
            }
            ranUpTo = i + 1;
            if (ledger.eventCount() >= MAX_EVENTS_PER_RECORD) {
                seal(batch.subList(sealedUpTo, i + 1));
                sealedUpTo = i + 1;
            }
        }
        return true;
    }

    /**
     * With a gather wait set: while {@code batch} holds fewer requests than the clients of the last cycle (the last
     * batch's, who are coming back now, plus those already queued when its force returned), waits up to the gather
     * wait for each further one; so a batch is cut at the first gap longer than that. Why both counts: closed-loop
     * clients otherwise settle into two groups that take turns, each group's batch forced while the other's queues
     * (measured in docs/bank.md: 8 clients made batches of 4-6, so each transfer waited for about two forces); a
     * target of the last batch alone never merges them, since each group finds the other's batch as large as its
     * own. Counting both merges them into one batch per force, and when fewer clients remain the first gap cuts the
     * batch and the target shrinks with it. Never more than {@link #GATHER_AT_MOST}. Each request is run as it arrives
     * ({@link #runArrived}), and the wait polls, yielding the processor, rather than parks
     * ({@link ArrivalQueue#pollYielding}: on a virtual machine a parked thread's wake-up costs 20-25 µs, measured in
     * docs/bank.md), so it polls only while the batch is short of clients expected within microseconds; the rule
     * affects when batches are cut, never what they do. Returns false if the system failed meanwhile.
     */
    private boolean gather(List<Request<?>> batch) {
        int target = gatherTarget(lastBatchSize, queuedWhenDurable, maxBatch);
        while (gatherNanos > 0 && batch.size() < target && !stopRequested) {
            Request<?> next = queue.pollYielding(gatherNanos);
            if (next == null) {
                break;
            }
            batch.add(next);
            queue.drainTo(batch, maxBatch - batch.size());
            if (!runArrived(batch)) {
                return false;
            }
        }
        lastBatchSize = batch.size();
        queuedWhenDurable = 0;
        return true;
    }

    /**
     * How many requests a batch gathers up to: the last cycle's clients (the last batch's plus those queued when its
     * force returned), at most {@code maxBatch} and {@link #GATHER_AT_MOST}.
     */
    static int gatherTarget(int lastBatchSize, int queuedWhenDurable, int maxBatch) {
        return Math.min(Math.min(lastBatchSize + queuedWhenDurable, maxBatch), GATHER_AT_MOST);
    }

    /** Inline commits call this after a force, before answering: who is back already (see {@link #gather}). */
    private void noteQueuedWhenDurable() {
        queuedWhenDurable = queue.size();
    }

    /**
     * Seals the events of {@code requests} into a record and hands it to the commits, which answer them once it is
     * durable; a batch that wrote nothing is answered at once if nothing before it is still waiting for the disk (and
     * nothing failed: idle is read first, because a pipeline records a failure before it counts a commit done).
     */
    private void seal(List<Request<?>> requests) {
        byte[] record = ledger.hasEvents() ? journal.seal(ledger.drainEvents()) : null;
        if (commits == null || (record == null && commits.idle() && commits.failure() == null)) {
            for (Request<?> request : requests) {
                request.release();
            }
        } else {
            commits.submit(record, requests);
        }
    }

    private void failAll(List<Request<?>> requests) {
        BankException reason = failure != null
                ? failure
                : new BankException(BankException.Code.CLOSED, "the banking system is closed");
        for (Request<?> request : requests) {
            request.done.completeExceptionally(reason);
        }
    }

    /** Records why the system stopped; called by this thread, or by the commit thread's when the log fails. */
    private void fail(BankException cause) {
        if (failure == null) {
            failure = cause;
        }
    }

    private void drainAndFail() {
        List<Request<?>> left = new ArrayList<>();
        queue.drainTo(left, Integer.MAX_VALUE);
        failAll(left);
    }

    /** Answers every request already queued, then stops the thread and closes the journal. Idempotent. */
    @Override
    public void close() throws IOException {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            lifecycle.writeLock().unlock();
        }
        if (thread.isAlive()) {
            queue.put(stop);
        }
        Uninterruptible.join(thread);
        journal.close();
    }
}
