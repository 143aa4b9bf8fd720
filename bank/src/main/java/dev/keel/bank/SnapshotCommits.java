package dev.keel.bank;

import dev.keel.storage.DurableFiles;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Commits staged snapshots (the forces, the rename, then the log truncation they allow) off the sequencer's thread, one
 * at a time, so that requests wait only while a snapshot is encoded, not while it reaches the disk.
 *
 * <p>How it is designed, and why: the sequencer owns the ledger, so it alone can encode a consistent snapshot; encoding
 * into an unforced temporary file is memory-speed. The forces that follow cost as much as the disk makes them (the
 * snapshot of a million transfers is about 100 MB), and nothing about them needs the ledger: they run on the thread
 * {@code keel-bank-snapshot}. At most one commit is in flight; a snapshot that falls due meanwhile waits for the next
 * batch after it finishes. A commit's failure is reported to the sequencer at its next batch ({@link #collect()}), which
 * then fails the system as a failed snapshot always has: a disk that cannot write a snapshot is failing. Rejected:
 * encoding on another thread too (it would need a copy of the ledger, or persistent data structures throughout).
 *
 * <p>Not thread-safe: called by the sequencer's thread (and by the closing thread after it has stopped); the commits
 * themselves run on the executor.
 */
final class SnapshotCommits implements AutoCloseable {

    /** What to do once a snapshot is on disk: delete the log it makes unnecessary. */
    @FunctionalInterface
    interface AfterCommit {
        void run() throws IOException;
    }

    private final Executor executor;
    private final @Nullable ExecutorService owned;
    private @Nullable CompletableFuture<Void> inFlight;

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

    /** Whether a commit is still running. */
    boolean busy() {
        return inFlight != null && !inFlight.isDone();
    }

    /** Forgets a finished commit; throws its failure if it failed. Does nothing while one is running or none ran. */
    void collect() throws IOException {
        if (inFlight != null && inFlight.isDone()) {
            CompletableFuture<Void> finished = inFlight;
            inFlight = null;
            join(finished);
        }
    }

    /** Commits {@code staged}, then runs {@code after}, off this thread. The caller has {@link #await()}ed first. */
    void submit(DurableFiles.Staged staged, AfterCommit after) throws IOException {
        if (busy()) {
            staged.close();
            throw new IllegalStateException("a snapshot commit is already running");
        }
        CompletableFuture<Void> commit;
        try {
            commit = CompletableFuture.runAsync(
                    () -> {
                        try (staged) {
                            staged.commit();
                            after.run();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    },
                    executor);
        } catch (RuntimeException e) {
            try {
                staged.close();
            } catch (IOException deleting) {
                e.addSuppressed(deleting);
            }
            throw e;
        }
        inFlight = commit;
    }

    /** Waits for the commit in flight, if any, and throws its failure if it failed. */
    void await() throws IOException {
        if (inFlight != null) {
            CompletableFuture<Void> waiting = inFlight;
            inFlight = null;
            join(waiting);
        }
    }

    private static void join(CompletableFuture<Void> commit) throws IOException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    commit.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true; // a commit is short; finish waiting so that close() never leaves one behind
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

    /** Waits for the commit in flight and stops the thread, if this owns one. Throws the commit's failure. */
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
