package dev.keel.logs.query;

import dev.keel.logs.LogLevel;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A parsed query: a log query (a stream selector and a pipeline of filters) or a metric query over one. Consumed with
 * exhaustive {@code switch}es. Immutable.
 */
public sealed interface Query {

    /** {@code {matchers} stage*}: the entries of the selected streams that pass every stage. */
    record LogQuery(List<LabelMatcher> selector, List<Stage> stages) implements Query {
        public LogQuery {
            selector = List.copyOf(selector);
            stages = List.copyOf(stages);
        }
    }

    /** {@code count_over_time(LOG_QUERY [step])}: matching entries per step-long bucket of the time range. */
    record CountOverTime(LogQuery query, Duration step) implements Query {
        public CountOverTime {
            Objects.requireNonNull(query, "query");
            if (step.isNegative() || step.isZero()) {
                throw new IllegalArgumentException("step (" + step + ") must be positive");
            }
        }
    }

    /** {@code count by (key) (LOG_QUERY)}: matching entries per value of {@code level}, {@code source} or a label. */
    record CountBy(String key, LogQuery query) implements Query {}

    /** {@code topk(k, LOG_QUERY)}: the {@code k} most frequent messages among the matching entries. */
    record TopK(int k, LogQuery query) implements Query {
        public TopK {
            if (k <= 0) {
                throw new IllegalArgumentException("k (" + k + ") must be positive");
            }
        }
    }

    /** How a label matcher compares. */
    enum MatchOp {
        EQ,
        NE,
        RE,
        NRE
    }

    /** {@code name op "value"} in a selector; regular expressions match the whole value, as in LogQL. */
    record LabelMatcher(
            String name, MatchOp op, String value, @Nullable Pattern pattern) {
        public boolean matches(String actual) {
            return switch (op) {
                case EQ -> actual.equals(value);
                case NE -> !actual.equals(value);
                case RE -> pattern.matcher(actual).matches();
                case NRE -> !pattern.matcher(actual).matches();
            };
        }
    }

    /** A pipeline stage. */
    sealed interface Stage {}

    /** How a line filter tests the message. */
    enum LineOp {
        CONTAINS,
        NOT_CONTAINS,
        REGEX,
        NOT_REGEX
    }

    /** {@code |= "text"}, {@code != "text"}, {@code |~ "re"}, {@code !~ "re"}: a test of the message. */
    record LineFilter(LineOp op, String text, @Nullable Pattern pattern) implements Stage {
        public boolean matches(String message) {
            return switch (op) {
                case CONTAINS -> message.contains(text);
                case NOT_CONTAINS -> !message.contains(text);
                case REGEX -> pattern.matcher(message).find();
                case NOT_REGEX -> !pattern.matcher(message).find();
            };
        }
    }

    /** How a level or field filter compares. */
    enum CompareOp {
        EQ,
        NE,
        GT,
        GE,
        LT,
        LE,
        RE,
        NRE;

        boolean holds(int comparison) {
            return switch (this) {
                case EQ -> comparison == 0;
                case NE -> comparison != 0;
                case GT -> comparison > 0;
                case GE -> comparison >= 0;
                case LT -> comparison < 0;
                case LE -> comparison <= 0;
                case RE, NRE -> throw new IllegalStateException("regex comparison has no order");
            };
        }
    }

    /** {@code | level >= WARN}. */
    record LevelFilter(CompareOp op, LogLevel level) implements Stage {
        public boolean matches(LogLevel actual) {
            return op.holds(actual.compareTo(level));
        }
    }

    /**
     * {@code | name op value}: a test of a JSON field (or, if the entry has no such field, a label). A number
     * compares numerically with fields that parse as numbers; a string compares as text; an entry without the field
     * fails every test except {@code !=} and {@code !~}.
     */
    record FieldFilter(
            String name,
            CompareOp op,
            String value,
            boolean numeric,
            @Nullable Pattern pattern) implements Stage {}

    /** {@code | json}: accepted for LogQL compatibility; JSON fields are already extracted at ingestion. */
    record Json() implements Stage {}
}
