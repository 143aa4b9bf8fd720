package dev.keel.pipeline;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * A stage that makes any number of outputs per input, and maybe more at the end (mapMulti, gather, windowed).
 *
 * <p>Pulling one output pulls upstream one element at a time until the element's outputs arrive, holding those not yet
 * asked for in a queue: the queue holds at most what one input produced. In the bulk path nothing is queued: outputs go
 * straight to the consumer.
 */
abstract class BufferedStage<I, O> extends Stage<I, O> {

    private final ArrayDeque<O> pending = new ArrayDeque<>();
    private boolean bulk;
    private boolean upstreamDone;
    private boolean finished;

    BufferedStage(Cursor<I> upstream) {
        super(upstream);
    }

    /** Hands one output on: to the consumer in the bulk path, to the queue otherwise. */
    final void emit(O output) {
        if (bulk) {
            downstream.accept(output);
        } else {
            pending.add(output);
        }
    }

    /** Called once after the last input: emit what is left. */
    void onEnd() {}

    /**
     * Whether this stage may call {@link #stopUpstream}: then the bulk path pulls one element at a time so that it can
     * stop; otherwise it hands its whole upstream loop this stage as the consumer (fused, one call per element fewer).
     */
    boolean mayStopUpstream() {
        return false;
    }

    /** Stops pulling upstream, as when a gatherer's integrator returns false. */
    final void stopUpstream() {
        upstreamDone = true;
    }

    @Override
    final boolean tryAdvance(Consumer<? super O> action) {
        bulk = false;
        while (pending.isEmpty()) {
            if (finished) {
                return false;
            }
            if (upstreamDone || !upstream.tryAdvance(this)) {
                upstreamDone = true;
                finished = true;
                onEnd();
            }
        }
        action.accept(pending.poll());
        return true;
    }

    @Override
    final void forEachRemaining(Consumer<? super O> action) {
        while (!pending.isEmpty()) {
            action.accept(pending.poll());
        }
        if (finished) {
            return;
        }
        downstream = action;
        bulk = true;
        if (mayStopUpstream()) {
            while (!upstreamDone && upstream.tryAdvance(this)) {
                // outputs go straight to the consumer; stopUpstream ends the loop
            }
        } else {
            upstream.forEachRemaining(this);
        }
        upstreamDone = true;
        finished = true;
        onEnd();
    }
}
