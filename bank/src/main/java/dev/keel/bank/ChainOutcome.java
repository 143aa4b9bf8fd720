package dev.keel.bank;

import java.util.List;
import java.util.Objects;

/**
 * The answer to a linked chain: all of it applied, or none of it. On failure {@link #result()} is the first failing
 * member's code, {@link #failedIndex()} its position, and every other member's outcome is
 * {@link TransferResult#LINKED_EVENT_FAILED}. Immutable.
 *
 * @param result {@link TransferResult#OK} if the whole chain applied, else the first failure's code
 * @param failedIndex the first failing member's index, or -1
 * @param outcomes one outcome per member, in order
 */
public record ChainOutcome(TransferResult result, int failedIndex, List<TransferOutcome> outcomes) {

    public ChainOutcome {
        Objects.requireNonNull(result, "result");
        outcomes = List.copyOf(outcomes);
        if (result.isSuccess() != (failedIndex < 0)) {
            throw new IllegalArgumentException(
                    "failedIndex (" + failedIndex + ") must be -1 exactly when the chain succeeded (" + result + ")");
        }
    }

    public boolean isSuccess() {
        return result.isSuccess();
    }
}
