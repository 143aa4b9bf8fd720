package dev.keel.bank;

import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Commits on the sequencer's own thread (pipeline depth 0, the default): {@link #submit} writes the record, forces it
 * and then answers the batch, so nothing is ever in flight and every submitted record is durable when it returns.
 *
 * <p>How it is designed, and why: with the sequencer waiting for each force anyway, a separate commit thread only
 * adds two thread hand-offs per batch (the sequencer wakes the writer, the writer wakes the sequencer back), each a
 * futex wake and a context switch that on two cores take the CPU from the clients; measured in docs/bank.md. The batch
 * that forms during the force is the group commit: whatever arrived meanwhile is in the next record.
 *
 * <p>Failure is fail-stop, as in {@link CommitPipeline}: if a write fails, its batch and every later one are failed
 * with {@link BankException.Code#LOG_FAILED}, and {@code onFailure} is told once.
 *
 * <p>Not thread-safe: the sequencer's thread only ({@link #failure} from any thread).
 */
final class InlineCommits implements Commits {

    private final Journal journal;
    private final Consumer<BankException> onFailure;
    private final Runnable onDurable;
    private volatile @Nullable BankException failure;

    /**
     * {@code onDurable} runs after each record's force returned and before its batch is answered (the sequencer counts
     * who is already waiting for the next batch then: see {@code Sequencer#gather}).
     */
    InlineCommits(Journal journal, Consumer<BankException> onFailure, Runnable onDurable) {
        this.journal = journal;
        this.onFailure = onFailure;
        this.onDurable = onDurable;
    }

    @Override
    public void submit(byte @Nullable [] record, List<? extends Reply> replies) {
        if (failure == null && record != null) {
            BankException failed = Commits.write(journal, List.of(record));
            if (failed != null) {
                failure = failed;
                onFailure.accept(failed);
            } else {
                onDurable.run();
            }
        }
        Commits.answer(replies, failure);
    }

    @Override
    public boolean idle() {
        return true; // every submit returned durable or failed
    }

    @Override
    public @Nullable BankException failure() {
        return failure;
    }

    @Override
    public boolean awaitDurable() {
        return failure == null;
    }

    @Override
    public void close() {}
}
