package dev.keel.sql.engine;

import dev.keel.sql.parse.Statement;
import dev.keel.sql.plan.QueryPlanner;
import dev.keel.sql.storage.Catalog;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The plans of a session's recent queries, so that a prepared statement run many times is planned once.
 *
 * <p>How it is designed, and why: keyed by the parsed statement's identity (a JDBC prepared statement keeps its
 * parse), at most {@value #CAPACITY} entries, least recently used first out. A plan is reused only while the schema
 * version is the one it was planned at (any DDL, or the rollback of one, changes it) and while the database holds
 * between half and twice the rows it held then, since join order and access paths come from row-count estimates.
 * Plans are immutable and hold no per-run state, so reusing one is safe.
 *
 * <p>Not thread-safe: one per session.
 */
final class PlanCache {

    private static final int CAPACITY = 64;

    private record Key(Statement statement) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.statement == statement;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(statement);
        }
    }

    private record Cached(QueryPlanner.Result plan, long version, long rows) {}

    private final Map<Key, Cached> entries = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Cached> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The plan of {@code select}, reused when still valid, else planned now. */
    QueryPlanner.Result plan(Statement.Select select, Catalog catalog) {
        Key key = new Key(select);
        Cached entry = entries.get(key);
        long rows = catalog.totalRows();
        if (entry != null
                && entry.version == catalog.version()
                && rows <= 2 * entry.rows + 16
                && 2 * rows + 16 >= entry.rows) {
            return entry.plan;
        }
        QueryPlanner.Result plan = new QueryPlanner(catalog).plan(select.query());
        entries.put(key, new Cached(plan, catalog.version(), rows));
        return plan;
    }
}
