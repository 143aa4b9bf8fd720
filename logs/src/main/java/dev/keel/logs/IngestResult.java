package dev.keel.logs;

import java.util.List;
import java.util.Objects;

/**
 * What ingesting a batch did: how many entries were accepted (durable, under the default durability, when this is
 * returned) and which were rejected and why. Immutable.
 */
public record IngestResult(int accepted, List<Rejection> rejected) {

    /** One rejected entry: its position in the batch, the entry, and a message that says why. */
    public record Rejection(int index, LogEntry entry, String reason) {
        public Rejection {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public IngestResult {
        if (accepted < 0) {
            throw new IllegalArgumentException("accepted (" + accepted + ") must not be negative");
        }
        rejected = List.copyOf(rejected);
    }

    /** True when every entry was accepted. */
    public boolean allAccepted() {
        return rejected.isEmpty();
    }
}
