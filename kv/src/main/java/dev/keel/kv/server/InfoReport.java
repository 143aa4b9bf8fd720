package dev.keel.kv.server;

import dev.keel.kv.KeyValueStore;
import dev.keel.kv.KvStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The text of INFO: Redis's format ({@code # Section} headers, {@code field:value} lines, a blank line between
 * sections) with the fields tools read (redis-cli, redis-benchmark, client libraries' health checks), filled from the
 * server's state and the store's statistics. Fields keel has no notion of are left out, not faked, except the ones
 * whose honest answer is a constant (a single database, no replication, no background saves).
 *
 * <p>Thread-safe: every call reads fresh values.
 */
final class InfoReport {

    /** Redis's version string clients check (some refuse servers older than 6), marked as keel's. */
    static final String VERSION = "7.0.0-keel";

    private static final List<String> DEFAULT_SECTIONS =
            List.of("server", "clients", "memory", "persistence", "stats", "replication", "keyspace");

    private final KeyValueStore store;
    private final ServerState state;
    private final Map<String, Supplier<String>> sections = new LinkedHashMap<>();

    InfoReport(KeyValueStore store, ServerState state) {
        this.store = store;
        this.state = state;
        sections.put("server", this::server);
        sections.put("clients", this::clients);
        sections.put("memory", InfoReport::memory);
        sections.put("persistence", this::persistence);
        sections.put("stats", this::stats);
        sections.put("replication", InfoReport::replication);
        sections.put("keyspace", this::keyspace);
    }

    /** INFO's text for {@code asked} (lower case; none, "default", "all" or "everything" for every section). */
    String render(List<String> asked) {
        boolean all =
                asked.isEmpty() || asked.contains("default") || asked.contains("all") || asked.contains("everything");
        StringBuilder text = new StringBuilder();
        for (String name : DEFAULT_SECTIONS) {
            if (all || asked.contains(name)) {
                if (!text.isEmpty()) {
                    text.append("\r\n");
                }
                text.append(sections.get(name).get());
            }
        }
        return text.toString();
    }

    private String server() {
        long uptime = state.uptimeSeconds();
        return "# Server\r\n"
                + "redis_version:" + VERSION + "\r\n"
                + "redis_mode:standalone\r\n"
                + "os:" + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch") + "\r\n"
                + "arch_bits:64\r\n"
                + "multiplexing_api:virtual-threads\r\n"
                + "process_id:" + ProcessHandle.current().pid() + "\r\n"
                + "tcp_port:" + state.port() + "\r\n"
                + "uptime_in_seconds:" + uptime + "\r\n"
                + "uptime_in_days:" + uptime / 86_400 + "\r\n"
                + "executable:keel\r\n"
                + "keel_java_version:" + Runtime.version() + "\r\n";
    }

    private String clients() {
        return "# Clients\r\n"
                + "connected_clients:" + state.connectedClients() + "\r\n"
                + "maxclients:" + state.maxClients() + "\r\n"
                + "blocked_clients:0\r\n";
    }

    private static String memory() {
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        return "# Memory\r\n"
                + "used_memory:" + used + "\r\n"
                + "maxmemory:0\r\n"
                + "keel_heap_max:" + runtime.maxMemory() + "\r\n";
    }

    private String persistence() {
        KvStats stats = store.stats();
        return "# Persistence\r\n"
                + "loading:0\r\n"
                + "async_loading:0\r\n"
                + "rdb_bgsave_in_progress:0\r\n"
                + "aof_enabled:1\r\n"
                + "aof_rewrite_in_progress:0\r\n"
                + "keel_sync_policy:" + store.options().syncPolicy() + "\r\n"
                + "keel_log_segments:" + stats.segments() + "\r\n"
                + "keel_live_bytes:" + stats.liveBytes() + "\r\n"
                + "keel_dead_bytes:" + stats.deadBytes() + "\r\n";
    }

    private String stats() {
        return "# Stats\r\n"
                + "total_connections_received:" + state.connectionsReceived() + "\r\n"
                + "total_commands_processed:" + state.commandsProcessed() + "\r\n"
                + "rejected_connections:" + state.rejectedConnections() + "\r\n";
    }

    private static String replication() {
        return "# Replication\r\n" + "role:master\r\n" + "connected_slaves:0\r\n";
    }

    /** One line for database 0 if it has keys, none if empty, as Redis. Keys with a TTL are not counted (0). */
    private String keyspace() {
        long keys = store.stats().keys();
        return "# Keyspace\r\n" + (keys == 0 ? "" : "db0:keys=" + keys + ",expires=0,avg_ttl=0\r\n");
    }
}
