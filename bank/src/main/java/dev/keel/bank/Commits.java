package dev.keel.bank;

import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How the sequencer's sealed log records become durable and its requests get answered, with one rule for every
 * implementation: <b>a request is answered only after the log is durable up to the end of the batch it ran in</b>.
 * Two implementations, chosen by {@link BankOptions#pipelineDepth()}: {@link InlineCommits} (depth 0, the default:
 * the sequencer writes and forces each record itself, then answers) and {@link CommitPipeline} (depth above 0: a
 * second thread forces while the sequencer runs the next batch).
 *
 * <p>Not thread-safe unless an implementation says otherwise: {@link #submit}, {@link #idle}, {@link #awaitDurable}
 * and {@link #close} are called by the sequencer's thread only.
 */
interface Commits extends AutoCloseable {

    /**
     * Whoever waits for a commit: answered once it is durable, failed if it cannot be. Answering is two steps, so that
     * a batch's answers can be handed out in wake chains ({@link #answer}): {@link #settle} records the outcome and
     * whom to wake next, waking nobody; {@link #wake} wakes the waiter, which then wakes its next.
     */
    interface Reply {
        /**
         * Records the outcome (released if {@code failure} is null) and the reply whose waiter this one's waiter wakes
         * once it is awake (null: nobody). Wakes nobody.
         */
        void settle(@Nullable RuntimeException failure, @Nullable Reply next);

        /** Wakes the waiter of a settled reply; it (or this call, for a waiter that is not a thread) wakes its next. */
        void wake();

        /** Settles this reply alone as answered, and wakes its waiter. */
        default void release() {
            settle(null, null);
            wake();
        }

        /** Settles this reply alone as failed with {@code reason}, and wakes its waiter. */
        default void fail(RuntimeException reason) {
            settle(reason, null);
            wake();
        }
    }

    /**
     * Wake chains per answered batch. The thread that answers a batch (the sequencer, by default, right before it
     * starts the next batch's write and force) wakes only the first waiter of each chain; every woken waiter wakes
     * the next of its chain on its way out, on whichever core is free, so the answering thread spends two
     * {@code futex} wakes per batch instead of one per request. Two chains, so that both cores of a small machine
     * wake clients at once.
     */
    int WAKE_CHAINS = 2;

    /**
     * Makes {@code record} (null if the batch wrote nothing) durable after every record submitted before it, and
     * releases {@code replies} once it is (or fails them if the log failed).
     */
    void submit(byte @Nullable [] record, List<? extends Reply> replies);

    /** Whether every commit submitted so far has been released: a batch that wrote nothing may then answer at once. */
    boolean idle();

    /** Why the log stopped taking writes, or null while it has not failed. Any thread. */
    @Nullable
    BankException failure();

    /**
     * Sequencer's thread, before it takes the next batch: waits while a batch taken now could not start its force
     * (every force thread busy), so that whatever arrives meanwhile joins one batch instead of many small ones.
     */
    default void awaitRoom() {}

    /** Waits until every record submitted so far is durable; false if the log failed instead. */
    boolean awaitDurable();

    /** Writes and releases everything submitted, then stops. Called once, by the sequencer's thread. */
    @Override
    void close();

    /** Makes {@code records} durable with one force; returns null, or the failure that stops the system. */
    static @Nullable BankException write(Journal journal, List<byte[]> records) {
        try {
            journal.write(records);
            return null;
        } catch (IOException | RuntimeException e) {
            return new BankException(
                    BankException.Code.LOG_FAILED, "the log failed; reopen the banking system: " + e, e);
        }
    }

    /**
     * Answers {@code replies} (releases them, or fails them all with {@code failed} if it is not null) in
     * {@link #WAKE_CHAINS} interleaved wake chains: reply i's waiter wakes reply i + chains's. Settled from the last to
     * the first, so that a waiter that finds its reply settled (even woken early, by a stray unpark) finds its next
     * settled too and its wake is never lost; then only each chain's first waiter is woken here.
     */
    static void answer(List<? extends Reply> replies, @Nullable BankException failed) {
        int count = replies.size();
        for (int i = count - 1; i >= 0; i--) {
            replies.get(i).settle(failed, i + WAKE_CHAINS < count ? replies.get(i + WAKE_CHAINS) : null);
        }
        for (int i = 0; i < Math.min(WAKE_CHAINS, count); i++) {
            replies.get(i).wake();
        }
    }
}
