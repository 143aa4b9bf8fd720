package dev.keel.scheduler;

/** A pod bound to a node, as kube-scheduler posts it: {@code namespace/pod -> node}. Immutable. */
public record Binding(String namespace, String pod, String node) {

    @Override
    public String toString() {
        return namespace + "/" + pod + " -> " + node;
    }
}
