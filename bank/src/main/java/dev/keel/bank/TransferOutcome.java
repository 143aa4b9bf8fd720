package dev.keel.bank;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The answer to one transfer request, post or void: its result code and, on success, the transfer as recorded (for
 * {@link TransferResult#EXISTS}, the original). On a conflict ({@code EXISTS_WITH_DIFFERENT_*}) and on a failed post or
 * void the existing transfer is included too, since the caller usually wants to see it. Immutable.
 *
 * @param result the code
 * @param transfer the transfer, or null when there is none to show
 */
public record TransferOutcome(
        TransferResult result, @Nullable Transfer transfer) {

    public TransferOutcome {
        Objects.requireNonNull(result, "result");
        if (result.isSuccess() && transfer == null) {
            throw new IllegalArgumentException("a successful outcome (" + result + ") must carry its transfer");
        }
    }

    static TransferOutcome rejected(TransferResult result) {
        return new TransferOutcome(result, null);
    }

    public boolean isSuccess() {
        return result.isSuccess();
    }
}
