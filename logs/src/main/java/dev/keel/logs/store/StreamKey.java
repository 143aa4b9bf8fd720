package dev.keel.logs.store;

import dev.keel.logs.LogEntry;
import java.util.Objects;
import java.util.SortedMap;
import org.jspecify.annotations.Nullable;

/**
 * What names a stream: the source and the labels. Entries of one stream are stored together, in blocks of their
 * own, and a label selector picks streams before any entry is read (Loki's design). Immutable.
 */
public record StreamKey(String source, SortedMap<String, String> labels) {

    public StreamKey {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(labels, "labels");
    }

    /** The stream {@code entry} belongs to. */
    public static StreamKey of(LogEntry entry) {
        return new StreamKey(entry.source(), entry.labels());
    }

    /** The value of label {@code name}, where {@code source} names the source; null when the stream lacks it. */
    public @Nullable String label(String name) {
        return name.equals("source") ? source : labels.get(name);
    }

    @Override
    public String toString() {
        return "{source=\"" + source + "\""
                + (labels.isEmpty() ? "" : ", " + labels.toString().replaceAll("[{}]", "")) + "}";
    }
}
