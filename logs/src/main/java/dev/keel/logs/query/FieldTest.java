package dev.keel.logs.query;

import dev.keel.logs.LogEntry;
import org.jspecify.annotations.Nullable;

/** How a field filter tests an entry: the field, else the label, else the source; numbers compare as numbers. */
final class FieldTest {

    private FieldTest() {}

    static boolean matches(Query.FieldFilter filter, LogEntry entry) {
        String actual = entry.fields().get(filter.name());
        if (actual == null) {
            actual = entry.labels().get(filter.name());
        }
        if (actual == null && filter.name().equals("source")) {
            actual = entry.source();
        }
        if (actual == null) {
            return filter.op() == Query.CompareOp.NE || filter.op() == Query.CompareOp.NRE;
        }
        return switch (filter.op()) {
            case RE -> filter.pattern().matcher(actual).matches();
            case NRE -> !filter.pattern().matcher(actual).matches();
            default -> {
                if (filter.numeric()) {
                    Double number = parse(actual);
                    if (number == null) {
                        yield filter.op() == Query.CompareOp.NE;
                    }
                    yield filter.op().holds(Double.compare(number, Double.parseDouble(filter.value())));
                }
                yield filter.op().holds(actual.compareTo(filter.value()));
            }
        };
    }

    private static @Nullable Double parse(String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
