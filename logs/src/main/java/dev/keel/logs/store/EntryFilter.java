package dev.keel.logs.store;

import dev.keel.logs.LogEntry;
import java.util.Map;
import java.util.Optional;

/**
 * What a query asks of the store, at three levels of cost: which streams (by key, no entry read), which blocks may
 * hold a match (by a block's level counts and trigram filter, nothing decompressed), and which entries match.
 * Implementations are immutable and thread-safe.
 */
public interface EntryFilter {

    /** True if entries of {@code stream} may match. */
    boolean matchesStream(StreamKey stream);

    /**
     * An equality on a label (or {@code source}) that every matching stream has, if the filter has one: the store
     * starts from that label's posting list.
     */
    default Optional<Map.Entry<String, String>> requiredLabel() {
        return Optional.empty();
    }

    /** False only if no entry of {@code block} can match. */
    boolean mayMatch(BlockMeta block);

    /** True if {@code entry} (of a stream that matched) matches. */
    boolean matches(LogEntry entry);

    /** True if {@link #matches} only looks at the level: counts can then use blocks' level columns. */
    boolean levelOnly();

    /** Whether {@link #matches} accepts an entry at the level with this ordinal; used when {@link #levelOnly()}. */
    boolean matchesLevel(int levelOrdinal);

    /** The filter that matches everything. */
    EntryFilter ALL = new EntryFilter() {
        @Override
        public boolean matchesStream(StreamKey stream) {
            return true;
        }

        @Override
        public boolean mayMatch(BlockMeta block) {
            return true;
        }

        @Override
        public boolean matches(LogEntry entry) {
            return true;
        }

        @Override
        public boolean levelOnly() {
            return true;
        }

        @Override
        public boolean matchesLevel(int levelOrdinal) {
            return true;
        }
    };
}
