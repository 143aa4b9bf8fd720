package dev.keel.scheduler;

/**
 * What a pod asks of a node, computed as kube-scheduler's {@code resourcehelper.PodRequests} does.
 *
 * <p>The effective request is the larger of the app containers' sum (plus the sidecars, which keep running) and the
 * largest init container (plus the sidecars started before it), then the pod overhead is added. Init containers run
 * one at a time, so they do not add up. For scoring, a container that does not say how much cpu or memory it wants
 * counts as 100m and 200Mi ({@link #nonZero(Pod)}), so that a node full of best-effort pods does not look empty.
 */
public final class PodRequests {

    /** kube-scheduler's {@code DefaultMilliCPURequest}. */
    public static final long DEFAULT_MILLI_CPU = 100;

    /** kube-scheduler's {@code DefaultMemoryRequest}: 200 MiB. */
    public static final long DEFAULT_MEMORY_BYTES = 200L * 1024 * 1024;

    private PodRequests() {}

    /** The pod's effective request, for fitting. */
    public static Resources of(Pod pod) {
        return compute(pod, false);
    }

    /** The effective request with 100m / 200Mi for containers that leave cpu / memory unset, for scoring. */
    public static Resources nonZero(Pod pod) {
        return compute(pod, true);
    }

    private static Resources compute(Pod pod, boolean nonZero) {
        Resources sum = Resources.NONE;
        for (Container container : pod.containers()) {
            sum = sum.plus(requestOf(container, nonZero));
        }
        Resources sidecars = Resources.NONE;
        Resources initPeak = Resources.NONE;
        for (Container init : pod.initContainers()) {
            Resources request = requestOf(init, nonZero);
            Resources whileRunning;
            if (init.sidecar()) {
                sum = sum.plus(request);
                sidecars = sidecars.plus(request);
                whileRunning = sidecars;
            } else {
                whileRunning = request.plus(sidecars);
            }
            initPeak = initPeak.max(whileRunning);
        }
        return sum.max(initPeak).plus(pod.overhead());
    }

    private static Resources requestOf(Container container, boolean nonZero) {
        Resources requests = container.requests();
        if (!nonZero || (requests.milliCpu() != 0 && requests.memoryBytes() != 0)) {
            return requests;
        }
        return new Resources(
                requests.milliCpu() == 0 ? DEFAULT_MILLI_CPU : requests.milliCpu(),
                requests.memoryBytes() == 0 ? DEFAULT_MEMORY_BYTES : requests.memoryBytes(),
                requests.ephemeralStorageBytes(),
                requests.extended());
    }
}
