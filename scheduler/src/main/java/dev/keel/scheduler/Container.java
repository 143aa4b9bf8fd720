package dev.keel.scheduler;

import java.util.List;

/**
 * A container of a pod: its image, resource requests and limits, and host ports. An init container with
 * {@code sidecar} set is a restartable init container ({@code restartPolicy: Always}) that keeps running beside the
 * app containers. Immutable.
 *
 * <p>A request of 0 cpu or memory is treated as "not specified" when scoring (kube-scheduler then counts 100m and
 * 200Mi); kube-scheduler tells an explicit {@code 0} apart from a missing entry, this model does not.
 */
public record Container(
        String name, String image, Resources requests, Resources limits, List<HostPort> ports, boolean sidecar) {

    public Container {
        if (name.isBlank()) {
            throw new IllegalArgumentException("container name must not be blank");
        }
        ports = List.copyOf(ports);
    }

    public Container(String name, String image, Resources requests, Resources limits) {
        this(name, image, requests, limits, List.of(), false);
    }
}
