package dev.keel.sql.exec;

import dev.keel.sql.value.Numbers;
import java.util.Collection;
import org.jspecify.annotations.Nullable;

/** Row assembly shared by the joins. */
final class Joins {

    private Joins() {}

    /**
     * A copy of {@code left} with the right side's {@code rightWidth} slots at {@code rightOffset} taken from
     * {@code right} starting at {@code from} ({@code rightOffset} for a joined row, 0 for a stored row).
     */
    static Object[] merge(Object[] left, Object[] right, int from, int rightOffset, int rightWidth) {
        Object[] row = left.clone();
        System.arraycopy(right, from, row, rightOffset, rightWidth);
        return row;
    }

    /**
     * Emits {@code left} joined with each candidate that satisfies {@code condition}, or (for a LEFT join with no
     * match) {@code left} alone with NULLs on the right; returns false if the sink stopped. A candidate's slots start
     * at {@code from} in it (see {@link #merge}).
     */
    static boolean emit(
            Object[] left,
            @Nullable Collection<Object[]> candidates,
            int from,
            @Nullable Expression condition,
            Frame frame,
            RowSink sink,
            boolean leftOuter,
            int rightOffset,
            int rightWidth) {
        boolean matched = false;
        if (candidates != null) {
            for (Object[] right : candidates) {
                Object[] row = merge(left, right, from, rightOffset, rightWidth);
                if (condition != null) {
                    frame.row = row;
                    if (!Boolean.TRUE.equals(Numbers.truth(condition.eval(frame)))) {
                        continue;
                    }
                }
                matched = true;
                if (!sink.accept(row)) {
                    return false;
                }
            }
        }
        return matched || !leftOuter || sink.accept(left.clone());
    }
}
