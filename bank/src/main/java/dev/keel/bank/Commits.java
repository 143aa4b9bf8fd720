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

    /** Whoever waits for a commit: answered once it is durable, failed if it cannot be. */
    interface Reply {
        void release();

        void fail(RuntimeException reason);
    }

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

    /** Releases {@code replies} in order, or fails them all with {@code failed} if it is not null. */
    static void answer(List<? extends Reply> replies, @Nullable BankException failed) {
        for (Reply reply : replies) {
            if (failed == null) {
                reply.release();
            } else {
                reply.fail(failed);
            }
        }
    }
}
