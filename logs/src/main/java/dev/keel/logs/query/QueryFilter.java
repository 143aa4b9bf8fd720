package dev.keel.logs.query;

import dev.keel.logs.LogEntry;
import dev.keel.logs.LogLevel;
import dev.keel.logs.store.BlockMeta;
import dev.keel.logs.store.EntryFilter;
import dev.keel.logs.store.StreamKey;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A log query compiled for the store: the selector tests stream keys, the level filters and substring filters
 * prune blocks by their level counts and trigram filters, and every stage tests entries. Immutable, thread-safe.
 */
public final class QueryFilter implements EntryFilter {

    private final Query.LogQuery query;
    private final boolean[] levels = new boolean[LogLevel.values().length];
    private final List<Query.LineFilter> lineFilters = new ArrayList<>();
    private final List<Query.FieldFilter> fieldFilters = new ArrayList<>();
    private final List<String> requiredSubstrings = new ArrayList<>();
    private final boolean allLevels;

    public QueryFilter(Query.LogQuery query) {
        this.query = query;
        for (LogLevel level : LogLevel.values()) {
            levels[level.ordinal()] = true;
        }
        for (Query.Stage stage : query.stages()) {
            switch (stage) {
                case Query.LineFilter line -> {
                    lineFilters.add(line);
                    if (line.op() == Query.LineOp.CONTAINS) {
                        requiredSubstrings.add(line.text());
                    }
                }
                case Query.LevelFilter level -> {
                    for (LogLevel candidate : LogLevel.values()) {
                        levels[candidate.ordinal()] &= level.matches(candidate);
                    }
                }
                case Query.FieldFilter field -> fieldFilters.add(field);
                case Query.Json json -> {}
            }
        }
        boolean all = true;
        for (boolean level : levels) {
            all &= level;
        }
        allLevels = all;
    }

    /** The query this filter runs. */
    public Query.LogQuery query() {
        return query;
    }

    @Override
    public boolean matchesStream(StreamKey stream) {
        for (Query.LabelMatcher matcher : query.selector()) {
            String value = stream.label(matcher.name());
            if (!matcher.matches(value == null ? "" : value)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Optional<Map.Entry<String, String>> requiredLabel() {
        for (Query.LabelMatcher matcher : query.selector()) {
            if (matcher.op() == Query.MatchOp.EQ && !matcher.value().isEmpty()) {
                return Optional.of(new AbstractMap.SimpleImmutableEntry<>(matcher.name(), matcher.value()));
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean mayMatch(BlockMeta block) {
        if (!allLevels) {
            boolean any = false;
            for (int i = 0; i < levels.length && !any; i++) {
                any = levels[i] && block.levelCounts()[i] > 0;
            }
            if (!any) {
                return false;
            }
        }
        for (String needle : requiredSubstrings) {
            if (!block.bloom().mightContain(needle)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean matches(LogEntry entry) {
        if (!levels[entry.level().ordinal()]) {
            return false;
        }
        for (Query.LineFilter line : lineFilters) {
            if (!line.matches(entry.message())) {
                return false;
            }
        }
        for (Query.FieldFilter field : fieldFilters) {
            if (!FieldTest.matches(field, entry)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean levelOnly() {
        return lineFilters.isEmpty() && fieldFilters.isEmpty();
    }

    @Override
    public boolean matchesLevel(int levelOrdinal) {
        return levels[levelOrdinal];
    }
}
