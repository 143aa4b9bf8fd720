package dev.keel.logs.ingest;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Malformed input, counted per listener, with the most recent few kept as samples (what was wrong and the start of
 * the line) for {@code /stats}. Thread-safe.
 */
public final class IngestErrors {

    /** One malformed input: where it came from, why it was refused, and its first characters. */
    public record Sample(String listener, String reason, String line) {}

    static final int SAMPLES = 10;
    private static final int SAMPLE_CHARS = 200;

    private final Deque<Sample> samples = new ArrayDeque<>();
    private long malformed;

    /** Counts one malformed input and keeps it as a sample. */
    public synchronized void record(String listener, String reason, String line) {
        malformed++;
        if (samples.size() == SAMPLES) {
            samples.removeFirst();
        }
        samples.addLast(new Sample(
                listener, reason, line.length() > SAMPLE_CHARS ? line.substring(0, SAMPLE_CHARS) + "..." : line));
    }

    public synchronized long malformed() {
        return malformed;
    }

    /** The most recent samples, oldest first. */
    public synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }
}
