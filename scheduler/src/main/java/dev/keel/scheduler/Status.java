package dev.keel.scheduler;

import java.util.List;

/**
 * What a plugin said about a pod (and a node): success, or why not. Immutable.
 *
 * <p>{@code reasons} are the texts that go into {@code FailedScheduling}; {@code legacyReasons} are the same in the
 * wording of kube-scheduler 1.26 to 1.34.0 (they differ only where upstream changed a message, such as the taint
 * reason). {@code plugin} names the plugin that returned the status, set by the framework; {@code insufficient} says
 * by how much each resource fell short (NodeResourcesFit).
 */
public record Status(
        Code code,
        List<String> reasons,
        List<String> legacyReasons,
        String plugin,
        List<InsufficientResource> insufficient) {

    /** The status codes of the scheduling framework. */
    public enum Code {
        SUCCESS("Success"),
        /** The pod does not fit now; preemption may help. */
        UNSCHEDULABLE("Unschedulable"),
        /** The pod does not fit and preemption cannot help. */
        UNSCHEDULABLE_AND_UNRESOLVABLE("UnschedulableAndUnresolvable"),
        /** The plugin has nothing to do for this pod (PreFilter/PreScore): skip its later extension points. */
        SKIP("Skip"),
        ERROR("Error");

        private final String wireName;

        Code(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    private static final Status SUCCESS = new Status(Code.SUCCESS, List.of(), List.of(), "", List.of());
    private static final Status SKIP = new Status(Code.SKIP, List.of(), List.of(), "", List.of());

    public Status {
        reasons = List.copyOf(reasons);
        legacyReasons = List.copyOf(legacyReasons);
        insufficient = List.copyOf(insufficient);
        if (legacyReasons.size() != reasons.size()) {
            throw new IllegalArgumentException("legacyReasons " + legacyReasons + " must pair up with " + reasons);
        }
    }

    public static Status success() {
        return SUCCESS;
    }

    public static Status skip() {
        return SKIP;
    }

    public static Status unschedulable(String... reasons) {
        return new Status(Code.UNSCHEDULABLE, List.of(reasons), List.of(reasons), "", List.of());
    }

    public static Status unresolvable(String... reasons) {
        return new Status(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, List.of(reasons), List.of(reasons), "", List.of());
    }

    public static Status error(String reason) {
        return new Status(Code.ERROR, List.of(reason), List.of(reason), "", List.of());
    }

    public boolean isSuccess() {
        return code == Code.SUCCESS;
    }

    public boolean isSkip() {
        return code == Code.SKIP;
    }

    public boolean isRejected() {
        return code == Code.UNSCHEDULABLE || code == Code.UNSCHEDULABLE_AND_UNRESOLVABLE;
    }

    public Status withPlugin(String name) {
        return name.equals(plugin) ? this : new Status(code, reasons, legacyReasons, name, insufficient);
    }

    public Status withLegacyReasons(List<String> legacy) {
        return new Status(code, reasons, legacy, plugin, insufficient);
    }

    public Status withInsufficient(List<InsufficientResource> shortfalls) {
        return new Status(code, reasons, legacyReasons, plugin, shortfalls);
    }
}
