package dev.keel.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The operations that remember earlier elements: distinct(By) (every key seen), sorted(By) (everything, on the first
 * pull), pairwise (the previous element) and scan (the running value).
 */
final class Remembering {

    private Remembering() {}

    static <T, K> Function<Cursor<T>, Cursor<T>> distinctBy(Function<? super T, ? extends K> key) {
        Objects.requireNonNull(key, "key");
        return upstream -> new DistinctStage<>(upstream, key);
    }

    static <T> Function<Cursor<T>, Cursor<T>> sorted(Comparator<? super T> comparator) {
        Objects.requireNonNull(comparator, "comparator");
        return upstream -> new SortedCursor<>(upstream, comparator);
    }

    static <T, R> Function<Cursor<T>, Cursor<R>> scan(
            R initial, BiFunction<? super R, ? super T, ? extends R> accumulator) {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(accumulator, "accumulator");
        return upstream -> new ScanStage<>(upstream, initial, accumulator);
    }

    static final class DistinctStage<T, K> extends Stage<T, T> {
        private final Function<? super T, ? extends K> key;
        private final Set<K> seen = new HashSet<>();
        private boolean delivered;

        DistinctStage(Cursor<T> upstream, Function<? super T, ? extends K> key) {
            super(upstream);
            this.key = key;
        }

        @Override
        boolean tryAdvance(Consumer<? super T> action) {
            downstream = action;
            delivered = false;
            while (!delivered && upstream.tryAdvance(this)) {
                // pull until an unseen key
            }
            return delivered;
        }

        @Override
        public void accept(T element) {
            K k;
            try {
                k = key.apply(element);
            } catch (RuntimeException e) {
                throw PipelineException.at("distinctBy", index, e);
            }
            index++;
            if (seen.add(k)) {
                delivered = true;
                downstream.accept(element);
            }
        }
    }

    /** Sorts stably: equal elements keep their input order. Needs the whole input, so it pulls it on the first pull. */
    static final class SortedCursor<T> extends Cursor<T> {
        private final Cursor<T> upstream;
        private final Comparator<? super T> comparator;
        private @Nullable List<T> sorted;
        private int next;

        SortedCursor(Cursor<T> upstream, Comparator<? super T> comparator) {
            this.upstream = upstream;
            this.comparator = comparator;
        }

        private List<T> sorted() {
            List<T> all = sorted;
            if (all == null) {
                List<T> collected = new ArrayList<>();
                upstream.forEachRemaining(collected::add);
                try {
                    collected.sort(comparator);
                } catch (RuntimeException e) {
                    throw PipelineException.at("sorted", -1, e);
                }
                all = collected;
                sorted = all;
            }
            return all;
        }

        @Override
        boolean tryAdvance(Consumer<? super T> action) {
            List<T> all = sorted();
            if (next >= all.size()) {
                return false;
            }
            action.accept(all.get(next++));
            return true;
        }

        @Override
        public void close() {
            sorted = List.of();
            upstream.close();
        }
    }

    static final class PairwiseStage<T> extends Stage<T, Pair<T, T>> {
        private @Nullable T previous;
        private boolean delivered;

        PairwiseStage(Cursor<T> upstream) {
            super(upstream);
        }

        @Override
        boolean tryAdvance(Consumer<? super Pair<T, T>> action) {
            downstream = action;
            delivered = false;
            while (!delivered && upstream.tryAdvance(this)) {
                // the first element alone makes no pair
            }
            return delivered;
        }

        @Override
        public void accept(T element) {
            T before = previous;
            previous = element;
            if (before != null) {
                delivered = true;
                downstream.accept(new Pair<>(before, element));
            }
        }
    }

    /** The initial value, then each running value: {@code scan(0, Integer::sum)} over 1, 2, 3 is 0, 1, 3, 6. */
    static final class ScanStage<T, R> extends Stage<T, R> {
        private final BiFunction<? super R, ? super T, ? extends R> accumulator;
        private R value;
        private boolean initialSent;

        ScanStage(Cursor<T> upstream, R initial, BiFunction<? super R, ? super T, ? extends R> accumulator) {
            super(upstream);
            this.value = initial;
            this.accumulator = accumulator;
        }

        @Override
        boolean tryAdvance(Consumer<? super R> action) {
            if (!initialSent) {
                initialSent = true;
                action.accept(value);
                return true;
            }
            return super.tryAdvance(action);
        }

        @Override
        void forEachRemaining(Consumer<? super R> action) {
            if (!initialSent) {
                initialSent = true;
                action.accept(value);
            }
            super.forEachRemaining(action);
        }

        @Override
        public void accept(T element) {
            try {
                value = accumulator.apply(value, element);
            } catch (RuntimeException e) {
                throw PipelineException.at("scan", index, e);
            }
            index++;
            downstream.accept(value);
        }
    }
}
