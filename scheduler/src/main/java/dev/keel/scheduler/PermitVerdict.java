package dev.keel.scheduler;

import java.time.Duration;

/**
 * What a {@link PermitPlugin} says about a pod reserved on a node: allow it, reject it, or make it wait (upstream's
 * {@code Permit} returns a status and a timeout; here the three answers are types). Immutable.
 */
public sealed interface PermitVerdict {

    /** The longest a plugin may make a pod wait, as upstream's {@code maxTimeout}: longer timeouts are cut to this. */
    Duration MAX_TIMEOUT = Duration.ofMinutes(15);

    /** Bind, as far as this plugin is concerned. */
    record Allow() implements PermitVerdict {}

    /** Do not bind: Unreserve, forget the pod on its node and send it back to the queue. */
    record Reject(Status status) implements PermitVerdict {
        public Reject {
            if (!status.isRejected()) {
                throw new IllegalArgumentException("a Permit rejection needs an Unschedulable status, got "
                        + status.code().wireName());
            }
        }
    }

    /**
     * Hold the pod, reserved on its node, until this plugin (or another, through {@link WaitingPod#allow}) allows
     * it, or rejects it, or {@code timeout} passes on the scheduler's clock, which rejects it.
     */
    record Wait(Duration timeout) implements PermitVerdict {
        public Wait {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("permit timeout (" + timeout + ") must be positive");
            }
            if (timeout.compareTo(MAX_TIMEOUT) > 0) {
                timeout = MAX_TIMEOUT;
            }
        }
    }

    static PermitVerdict allow() {
        return new Allow();
    }

    static PermitVerdict reject(String... reasons) {
        return new Reject(Status.unschedulable(reasons));
    }

    static PermitVerdict waitAtMost(Duration timeout) {
        return new Wait(timeout);
    }
}
