package dev.keel.ratelimit;

/**
 * An algorithm whose state is an immutable value (a record, or an array never written after it is published), as pure
 * functions of (state, now, permits, rate), so that a single limiter ({@link ObjectStateLimiter}) and a per-key map
 * ({@link ObjectStateKeys}) share one implementation, as {@link LongStateRule} does for the one-{@code long} states.
 *
 * <p>A state's instants are ticker readings compared only by subtraction. {@link #admit} returns its input itself
 * (the same instance) to say "rejected" and always a new instance to say "admitted", so that a compare-and-set on the
 * reference publishes exactly the decisions that changed something.
 *
 * <p>Implementations are immutable and thread-safe.
 *
 * @param <S> the state type
 */
interface ObjectStateRule<S> {

    /** The state of a limiter that is new at {@code now}. */
    S fresh(long now, Rate rate);

    /** The state after admitting {@code permits} at {@code now}, or {@code state} itself if they are rejected. */
    S admit(S state, long now, long permits, Rate rate);

    /** The decision that {@link #admit} made, reconstructed from its input and output. */
    Decision decide(S before, S after, long now, long permits, Rate rate);

    /**
     * Whether {@code state} is indistinguishable, at {@code now} and for every later reading, from {@link #fresh}: a
     * key in this state may be forgotten without changing any decision.
     */
    boolean isIdle(S state, long now, Rate rate);

    /** The state after giving back {@code permits} taken by a decision that a composite abandoned. */
    S refund(S state, long now, long permits, Rate rate);
}
