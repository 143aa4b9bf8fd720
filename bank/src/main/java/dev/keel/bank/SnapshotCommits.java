package dev.keel.bank;

import dev.keel.storage.DurableFiles;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Writes snapshots (the encoding, the forces, the rename, then the log truncation they allow) off the sequencer's
 * thread, one at a time, so that requests wait only while the ledger's view is captured, not while it is encoded or
 * reaches the disk.
 *
 * <p>How it is designed, and why: the sequencer owns the ledger, so it alone can capture a consistent view of it; the
 * capture ({@link LedgerView}) costs O(accounts) and copies no transfer or posting. Encoding the view (a hundred
 * megabytes for a million transfers: hundreds of milliseconds of cache misses) and the forces that follow need nothing
 * but the view and the files, so they run on the thread {@code keel-bank-snapshot}. Encoding on the sequencer's thread
 * used to stall every request for the whole encoding; a copy of the ledger would cost as much as the encoding, and
 * persistent data structures throughout would tax every request, which is why the view reads append-only prefixes
 * instead. At most one snapshot is in flight; one that falls due meanwhile waits for the next batch after it
 * finishes. A failure is reported to the sequencer at its next batch ({@link #collect()}), which then fails the system
 * as a failed snapshot always has: a disk that cannot write a snapshot is failing.
 *
 * <p>Not thread-safe: called by the sequencer's thread (and by the closing thread after it has stopped); the snapshots
 * themselves are written on the executor.
 */
final class SnapshotCommits implements AutoCloseable {

    /** Encodes a snapshot into a staged file: on the executor's thread. */
    @FunctionalInterface
    interface Stager {
        DurableFiles.Staged stage() throws IOException;
    }

    /** What to do once a snapshot is on disk: delete the log it makes unnecessary. */
    @FunctionalInterface
    interface AfterCommit {
        void run() throws IOException;
    }

    private final Executor executor;
    private final @Nullable ExecutorService owned;
    /** The snapshot being written; completes with its size in bytes. */
    private @Nullable CompletableFuture<Long> inFlight;

    /** Commits on a thread of its own, shut down by {@link #close()}. */
    static SnapshotCommits onOwnThread() {
        ExecutorService service = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("keel-bank-snapshot").daemon(false).factory());
        return new SnapshotCommits(service, service);
    }

    /** Commits on {@code executor}, which the caller owns: for tests that hold a commit back. */
    static SnapshotCommits on(Executor executor) {
        return new SnapshotCommits(executor, null);
    }

    private SnapshotCommits(Executor executor, @Nullable ExecutorService owned) {
        this.executor = executor;
        this.owned = owned;
    }

    /** Whether a snapshot is still being written. */
    boolean busy() {
        return inFlight != null && !inFlight.isDone();
    }

    /**
     * Forgets a finished snapshot and returns its size; throws its failure if it failed. Returns empty while one is
     * running or none ran.
     */
    OptionalLong collect() throws IOException {
        if (inFlight != null && inFlight.isDone()) {
            CompletableFuture<Long> finished = inFlight;
            inFlight = null;
            return OptionalLong.of(join(finished));
        }
        return OptionalLong.empty();
    }

    /**
     * Encodes and commits a snapshot with {@code stager}, then runs {@code after}, off this thread. The caller has
     * {@link #await()}ed or {@link #collect()}ed first. A staged file is deleted unless it was committed.
     */
    void submit(Stager stager, AfterCommit after) {
        if (busy()) {
            throw new IllegalStateException("a snapshot is already being written");
        }
        inFlight = CompletableFuture.supplyAsync(
                () -> {
                    try (DurableFiles.Staged staged = stager.stage()) {
                        long size = staged.size();
                        staged.commit();
                        after.run();
                        return size;
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                },
                executor);
    }

    /** Waits for the snapshot in flight, if any, and returns its size; throws its failure if it failed. */
    OptionalLong await() throws IOException {
        if (inFlight != null) {
            CompletableFuture<Long> waiting = inFlight;
            inFlight = null;
            return OptionalLong.of(join(waiting));
        }
        return OptionalLong.empty();
    }

    private static long join(CompletableFuture<Long> commit) throws IOException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return commit.get();
                } catch (InterruptedException e) {
                    interrupted = true; // a snapshot is bounded; finish waiting so that close() never leaves one behind
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof java.io.UncheckedIOException io) {
                        throw io.getCause();
                    }
                    if (cause instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IOException("committing a snapshot failed: " + cause, cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits for the snapshot in flight and stops the thread, if this owns one. Throws the snapshot's failure. */
    @Override
    public void close() throws IOException {
        try {
            await();
        } finally {
            if (owned != null) {
                owned.shutdown();
                try {
                    if (!owned.awaitTermination(1, TimeUnit.MINUTES)) {
                        throw new InterruptedIOException("the snapshot thread did not stop within a minute");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
