package dev.keel.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * {@code mapConcurrent(maxConcurrency, function)}: the function runs for up to {@code maxConcurrency} elements at once,
 * each on its own virtual thread, and the results come out in input order (or, unordered, as they complete).
 *
 * <p>How it is designed, and why: the pulling thread stays the only one that touches upstream. Before it hands out a
 * result it tops the window up to {@code maxConcurrency} tasks by pulling upstream; the tasks in the window, running
 * or finished but not yet handed out, are the only buffered results, so at most {@code maxConcurrency} exist at any
 * time. A task that fails puts itself on a completion queue at once, and so does a task the pulling thread is waiting
 * for (the head, in order; any task, unordered); the pulling thread waits on that queue (never by polling) and drains
 * it before each hand-out, so a failure anywhere in the window is seen as soon as it happens, not when its turn
 * comes, while the successes of tasks behind the head do not wake it. On the first failure, on close (a {@code take} that is satisfied, an exception downstream, the
 * end of the terminal operation) and on interruption, every task still in the window is interrupted and then
 * <em>joined</em>: when the terminal operation returns, no task of it is running. That is the lesson of JDK-8347274,
 * where {@code Gatherers.mapConcurrent} could return while tasks it had cancelled were still executing. The cost of
 * the guarantee: a task that ignores interruption delays the return until it finishes.
 *
 * <p>Laziness: the window pulls up to {@code maxConcurrency} elements ahead of the consumer, which is the point of
 * the operation. Not thread-safe, like every cursor; the function must be thread-safe.
 */
final class MapConcurrent<T, R> extends Cursor<R> implements Consumer<T> {

    private final Cursor<T> upstream;
    private final int maxConcurrency;
    private final Function<? super T, ? extends R> function;
    private final boolean ordered;
    private final ThreadFactory threads;
    private final ArrayDeque<Task<T, R>> window = new ArrayDeque<>();
    /** Threads of tasks already handed out, possibly still leaving their run method: joined by {@link #close}. */
    private final ArrayDeque<Thread> exiting = new ArrayDeque<>();

    /** Failed tasks, the awaited head (ordered) or every finished task (unordered): what wakes the pulling thread. */
    private final LinkedBlockingQueue<Task<T, R>> completions = new LinkedBlockingQueue<>();
    /** The head the pulling thread is waiting for (ordered only), so that other successes do not wake it. */
    private volatile @Nullable Task<T, R> awaited;

    private boolean upstreamDone;
    private long index;

    /** The stage, its arguments checked now. */
    static <T, R> Function<Cursor<T>, Cursor<R>> stage(
            int maxConcurrency, Function<? super T, ? extends R> function, boolean ordered) {
        if (maxConcurrency <= 0) {
            throw new IllegalArgumentException(
                    "mapConcurrent: maxConcurrency (" + maxConcurrency + ") must be positive");
        }
        Objects.requireNonNull(function, "function");
        return upstream -> new MapConcurrent<>(upstream, maxConcurrency, function, ordered);
    }

    MapConcurrent(Cursor<T> upstream, int maxConcurrency, Function<? super T, ? extends R> function, boolean ordered) {
        this.upstream = upstream;
        this.maxConcurrency = maxConcurrency;
        this.function = function;
        this.ordered = ordered;
        this.threads =
                Thread.ofVirtual().name("keel-pipeline-mapConcurrent-", 0).factory();
    }

    @Override
    boolean tryAdvance(Consumer<? super R> action) {
        while (!upstreamDone && window.size() < maxConcurrency) {
            if (!upstream.tryAdvance(this)) {
                upstreamDone = true;
            }
        }
        if (window.isEmpty()) {
            return false;
        }
        Task<T, R> next = ordered ? awaitHead() : awaitAny();
        retire(Objects.requireNonNull(next.thread));
        action.accept(next.result());
        return true;
    }

    /** Starts a task for one upstream element. */
    @Override
    public void accept(T element) {
        Task<T, R> task = new Task<>(index++, element, function, this::finished);
        Thread thread = threads.newThread(task);
        task.thread = thread;
        window.add(task);
        thread.start();
    }

    /**
     * On a task's thread, when it has ended: signal the pulling thread if it must know now. Both sides write before
     * they read ({@code done} then {@code awaited} here, {@code awaited} then {@code done} in {@link #awaitHead}), and
     * both fields are volatile, so a head that ends while being awaited is always signalled.
     */
    private void finished(Task<T, R> task) {
        if (!ordered || task.failure != null || awaited == task) {
            completions.add(task);
        }
    }

    private Task<T, R> awaitHead() {
        Task<T, R> head = Objects.requireNonNull(window.peek());
        awaited = head;
        while (true) {
            for (Task<T, R> done = completions.poll(); done != null; done = completions.poll()) {
                failIfFailed(done);
            }
            if (head.done) {
                awaited = null;
                failIfFailed(head);
                window.poll();
                return head;
            }
            failIfFailed(awaitCompletion());
        }
    }

    private Task<T, R> awaitAny() {
        Task<T, R> done = completions.poll();
        if (done == null) {
            done = awaitCompletion();
        }
        failIfFailed(done);
        window.remove(done);
        return done;
    }

    private Task<T, R> awaitCompletion() {
        try {
            return completions.take();
        } catch (InterruptedException e) {
            cancelAll();
            Thread.currentThread().interrupt();
            throw new PipelineException(
                    PipelineException.Code.INTERRUPTED,
                    "interrupted while waiting for mapConcurrent's tasks; they were cancelled",
                    "mapConcurrent",
                    -1,
                    e);
        }
    }

    private void failIfFailed(Task<T, R> task) {
        Throwable failure = task.failure;
        if (failure == null) {
            return;
        }
        cancelAll();
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure instanceof PipelineException nested) {
            throw nested;
        }
        throw new PipelineException(
                PipelineException.Code.TASK_FAILED,
                "mapConcurrent failed at element " + task.index + ": " + failure + " (the other tasks were cancelled)",
                "mapConcurrent",
                task.index,
                failure);
    }

    /**
     * Remembers the thread of a finished task until it has exited. Joining it here would make the next task start
     * only once the finished thread has been scheduled to exit; pruning the exited ones keeps the list short.
     */
    private void retire(Thread thread) {
        while (!exiting.isEmpty() && !exiting.peekFirst().isAlive()) {
            exiting.pollFirst();
        }
        exiting.addLast(thread);
    }

    /** Interrupts every task in the window, then waits until each has ended. */
    private void cancelAll() {
        List<Task<T, R>> tasks = new ArrayList<>(window);
        window.clear();
        for (Task<T, R> task : tasks) {
            if (!task.done) {
                Objects.requireNonNull(task.thread).interrupt();
            }
        }
        for (Task<T, R> task : tasks) {
            awaitExit(Objects.requireNonNull(task.thread));
        }
        for (Thread thread = exiting.poll(); thread != null; thread = exiting.poll()) {
            awaitExit(thread);
        }
        completions.clear();
    }

    /** Joins {@code thread}, even if this thread is interrupted meanwhile (the flag is restored). */
    private static void awaitExit(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            cancelAll();
        } finally {
            upstreamDone = true;
            upstream.close();
        }
    }

    /** One element's call of the function, on its own virtual thread. */
    private static final class Task<T, R> implements Runnable {
        final long index;
        private @Nullable T element;
        private final Function<? super T, ? extends R> function;
        private final Consumer<Task<T, R>> onEnd;

        @Nullable
        Thread thread;

        private @Nullable R result;
        volatile @Nullable Throwable failure;
        volatile boolean done;

        Task(long index, T element, Function<? super T, ? extends R> function, Consumer<Task<T, R>> onEnd) {
            this.index = index;
            this.element = element;
            this.function = function;
            this.onEnd = onEnd;
        }

        @Override
        public void run() {
            try {
                result = Objects.requireNonNull(
                        function.apply(Objects.requireNonNull(element)), "mapConcurrent's function returned null");
            } catch (Throwable t) { // handed to the pulling thread, which rethrows it
                failure = t;
            } finally {
                element = null;
                done = true;
                onEnd.accept(this);
            }
        }

        R result() {
            return Objects.requireNonNull(result);
        }
    }
}
