package dev.keel.sql.plan;

import dev.keel.sql.exec.PlanNode;
import java.util.ArrayList;
import java.util.List;

/** A plan as the lines EXPLAIN shows: one operator per line, children indented under their parent. */
public final class Explain {

    private Explain() {}

    /** The plan rooted at {@code root}, one line per operator. */
    public static List<String> lines(PlanNode root) {
        List<String> lines = new ArrayList<>();
        add(root, 0, lines);
        return List.copyOf(lines);
    }

    private static void add(PlanNode node, int depth, List<String> lines) {
        lines.add("  ".repeat(depth) + node.describe());
        for (PlanNode child : node.children()) {
            add(child, depth + 1, lines);
        }
    }
}
