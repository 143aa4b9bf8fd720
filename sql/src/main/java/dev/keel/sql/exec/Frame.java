package dev.keel.sql.exec;

import org.jspecify.annotations.Nullable;

/**
 * The row an expression is evaluated against, with the frames of the queries around it (for correlated subqueries)
 * and the statement's {@link ExecutionContext}.
 *
 * <p>Not thread-safe: an operator reuses one frame for every row it evaluates, on the statement's thread.
 */
public final class Frame {

    /** The current row; operators set it before evaluating. */
    public Object[] row;

    private final @Nullable Frame outer;
    private final ExecutionContext context;

    /** A frame nested in {@code outer}. */
    public Frame(@Nullable Frame outer, ExecutionContext context) {
        this.outer = outer;
        this.context = context;
        this.row = new Object[0];
    }

    /** A frame nested in {@code outer}, sharing its context. */
    public static Frame inside(Frame outer) {
        return new Frame(outer, outer.context);
    }

    /** The enclosing query's frame, {@code depth} levels out (0 is this one). */
    public Frame up(int depth) {
        Frame f = this;
        for (int i = 0; i < depth; i++) {
            if (f.outer == null) {
                throw new IllegalStateException("no frame " + depth + " levels out");
            }
            f = f.outer;
        }
        return f;
    }

    public ExecutionContext context() {
        return context;
    }
}
