package dev.keel.cli;

import java.util.List;
import java.util.Optional;

/**
 * The eleven systems keel is building, and the ones that have landed.
 *
 * <p>The full list is fixed (it is what keel is); {@link #landed()} grows as each system's issue lands. Keeping both
 * lets the command line tell "no such system" apart from "not built yet".
 */
final class SystemCatalog {

    /** A system keel is building: its command-line name and the name people know it by. */
    record PlannedSystem(String name, String knownAs) {}

    static final List<PlannedSystem> PLANNED = List.of(
            new PlannedSystem("kv", "key-value store with a write-ahead log"),
            new PlannedSystem("ratelimit", "rate limiter"),
            new PlannedSystem("chat", "chat server (IRC)"),
            new PlannedSystem("bank", "banking ledger"),
            new PlannedSystem("sql", "SQL engine"),
            new PlannedSystem("snapshot", "persistent data structures"),
            new PlannedSystem("pipeline", "lazy functional pipelines"),
            new PlannedSystem("crawler", "web crawler"),
            new PlannedSystem("fs", "in-memory file system"),
            new PlannedSystem("logs", "log aggregator"),
            new PlannedSystem("scheduler", "Kubernetes-style scheduler"));

    private SystemCatalog() {}

    /** The systems that have landed, in tour order. */
    static List<KeelSystem> landed() {
        return List.of(
                new KvSystem(),
                new RatelimitSystem(),
                new ChatSystem(),
                new BankSystem(),
                new SqlSystem(),
                new SnapshotSystem(),
                new PipelineSystem(),
                new CrawlerSystem(),
                new FsSystem(),
                new LogsSystem(),
                new SchedulerSystem());
    }

    static Optional<PlannedSystem> planned(String name) {
        return PLANNED.stream().filter(system -> system.name().equals(name)).findFirst();
    }
}
