package dev.keel.logs.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Every stream, by key, and the label index: for each label name and value (the source counts as label
 * {@code source}), the streams that carry it. A selector with an equality matcher starts from the smallest posting
 * list instead of testing every stream.
 *
 * <p>Streams are added under the store's write lock; lookups run without it (concurrent maps and copy-on-write
 * posting lists).
 */
final class StreamRegistry {

    private final ConcurrentHashMap<StreamKey, Stream> byKey = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, List<Stream>>> postings =
            new ConcurrentHashMap<>();
    private volatile List<Stream> all = List.of();

    /** The stream for {@code key}, created if new. Caller holds the store's write lock. */
    Stream getOrCreate(StreamKey key) {
        Stream existing = byKey.get(key);
        if (existing != null) {
            return existing;
        }
        Stream stream = new Stream(key);
        byKey.put(key, stream);
        post("source", key.source(), stream);
        for (Map.Entry<String, String> label : key.labels().entrySet()) {
            post(label.getKey(), label.getValue(), stream);
        }
        List<Stream> grown = new ArrayList<>(all.size() + 1);
        grown.addAll(all);
        grown.add(stream);
        all = List.copyOf(grown);
        return stream;
    }

    private void post(String name, String value, Stream stream) {
        postings.computeIfAbsent(name, n -> new ConcurrentHashMap<>()).merge(value, List.of(stream), (old, one) -> {
            List<Stream> grown = new ArrayList<>(old);
            grown.addAll(one);
            return List.copyOf(grown);
        });
    }

    @Nullable
    Stream get(StreamKey key) {
        return byKey.get(key);
    }

    /** Every stream, in creation order. */
    List<Stream> all() {
        return all;
    }

    /** The streams whose label {@code name} equals {@code value}. */
    List<Stream> withLabel(String name, String value) {
        Map<String, List<Stream>> values = postings.get(name);
        if (values == null) {
            return List.of();
        }
        return values.getOrDefault(value, List.of());
    }

    /** The distinct values of label {@code name}. */
    Collection<String> values(String name) {
        Map<String, List<Stream>> values = postings.get(name);
        return values == null ? List.of() : List.copyOf(values.keySet());
    }

    int size() {
        return byKey.size();
    }
}
