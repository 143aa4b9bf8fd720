package dev.keel.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * kube-scheduler's {@code FitError.Error()}: the text of a {@code FailedScheduling} event.
 *
 * <p>{@code "0/N nodes are available: "}, then either the PreFilter message, or the histogram of every node's
 * reasons as {@code "<count> <reason>"} sorted as plain strings and joined with {@code ", "}, then {@code "."}; then
 * the PostFilter (preemption) message after a space. Releases 1.26 to 1.34.0 appended one more {@code "."} after
 * the preemption part, and worded the taint reason with the taint itself.
 */
public final class FailureMessage {

    private FailureMessage() {}

    /** The histogram part for {@code statuses} of {@code totalNodes} nodes (every node has a status). */
    public static String fitError(int totalNodes, Map<String, Status> statuses, boolean legacy) {
        Map<String, Integer> histogram = new TreeMap<>();
        for (Status status : statuses.values()) {
            for (String reason : legacy ? status.legacyReasons() : status.reasons()) {
                histogram.merge(reason, 1, Integer::sum);
            }
        }
        List<String> entries = new ArrayList<>();
        histogram.forEach((reason, count) -> entries.add(count + " " + reason));
        entries.sort(null);
        String message = "0/" + totalNodes + " nodes are available:";
        if (!entries.isEmpty()) {
            message += " " + String.join(", ", entries) + ".";
        }
        return message;
    }

    /** The whole message: the filter part (or the PreFilter message), then the PostFilter message, if any. */
    public static String of(
            int totalNodes,
            Map<String, Status> statuses,
            String preFilterMessage,
            String postFilterMessage,
            boolean legacy) {
        String message = preFilterMessage.isEmpty()
                ? fitError(totalNodes, statuses, legacy)
                : "0/" + totalNodes + " nodes are available: " + preFilterMessage + ".";
        if (!postFilterMessage.isEmpty()) {
            message += " " + postFilterMessage + (legacy ? "." : "");
        }
        return message;
    }
}
