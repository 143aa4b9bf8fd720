package dev.keel.scheduler;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The names of a cycle's feasible nodes, read through from the nodes themselves: every successful cycle keeps them
 * in its {@link Diagnosis}, which only explain output and reports read, so copying 500 names into a new list per
 * cycle (and loading each node's name to do it) was wasted work on the hot path (JFR, session 6).
 *
 * <p>Immutable: it holds its own array of the nodes, and a node's name never changes.
 */
final class FeasibleNodeNames extends AbstractList<String> implements RandomAccess {

    private final NodeInfo[] nodes;

    FeasibleNodeNames(List<NodeInfo> feasible) {
        this.nodes = feasible.toArray(NodeInfo[]::new);
    }

    @Override
    public String get(int index) {
        return nodes[index].name();
    }

    @Override
    public int size() {
        return nodes.length;
    }
}
