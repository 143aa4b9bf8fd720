package dev.keel.scheduler;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The nodes a cycle's filters rejected and why, in the order they were evaluated: an immutable map over two arrays.
 *
 * <p>A spreading or anti-affinity cycle rejects a thousand nodes or more on the way to its sampled feasible ones, and
 * every successful cycle keeps them in its {@link Diagnosis}. As a {@code LinkedHashMap}, copied again by the
 * diagnosis, they were the largest share of those cycles' allocation (JFR, session 5); as two arrays, filled once
 * and handed over without a copy ({@link Diagnosis} trusts this type), they cost two references per node. Lookups
 * by name, which only preemption and explain make, build a hash index on first use.
 *
 * <p>Immutable once built; the {@link Builder} is not thread-safe.
 */
final class RejectedNodes extends AbstractMap<String, Status> {

    static final RejectedNodes NONE = new RejectedNodes(new String[0], new Status[0], 0);

    private final String[] names;
    private final Status[] statuses;
    private final int size;
    private @Nullable Map<String, Status> index;

    private RejectedNodes(String[] names, Status[] statuses, int size) {
        this.names = names;
        this.statuses = statuses;
        this.size = size;
    }

    /** Collects rejections node by node; each name at most once. */
    static final class Builder {
        private String[] names = new String[16];
        private Status[] statuses = new Status[16];
        private int size;

        void add(String name, Status status) {
            if (size == names.length) {
                names = Arrays.copyOf(names, size * 2);
                statuses = Arrays.copyOf(statuses, size * 2);
            }
            names[size] = name;
            statuses[size] = status;
            size++;
        }

        RejectedNodes build() {
            return size == 0 ? NONE : new RejectedNodes(names, statuses, size);
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public @Nullable Status get(Object key) {
        return index().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return index().containsKey(key);
    }

    private Map<String, Status> index() {
        Map<String, Status> built = index;
        if (built == null) {
            built = HashMap.newHashMap(size);
            for (int i = 0; i < size; i++) {
                built.put(names[i], statuses[i]);
            }
            index = built;
        }
        return built;
    }

    @Override
    public Set<Entry<String, Status>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public Iterator<Entry<String, Status>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Entry<String, Status> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, Status> entry = new SimpleImmutableEntry<>(names[next], statuses[next]);
                        next++;
                        return entry;
                    }
                };
            }
        };
    }
}
