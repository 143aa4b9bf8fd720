package dev.keel.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collector;
import org.jspecify.annotations.Nullable;

/**
 * The terminal operations, each over one run. An operation with arguments checks them when it is built, before any
 * run is opened (so a caller's mistake leaves the source untouched), and returns a {@link Terminal} to run. The run
 * is closed by the caller ({@link LazyPipeline}) whatever happens; short-circuiting operations pull with
 * {@code tryAdvance} and stop as soon as the answer is known.
 */
final class Terminals {

    private Terminals() {}

    static <T> List<T> toList(Cursor<T> run) {
        ArrayList<T> list = new ArrayList<>();
        run.forEachRemaining(list::add);
        return Collections.unmodifiableList(list);
    }

    static <T> Set<T> toSet(Cursor<T> run) {
        Set<T> set = new LinkedHashSet<>();
        run.forEachRemaining(set::add);
        return Collections.unmodifiableSet(set);
    }

    static <T, K, V> Terminal<T, Map<K, V>> toMap(
            Function<? super T, ? extends K> key,
            Function<? super T, ? extends V> value,
            @Nullable BinaryOperator<V> merge) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        return run -> {
            Map<K, V> map = new LinkedHashMap<>();
            run.forEachRemaining(new Indexing<T>("toMap") {
                @Override
                void apply(T element) {
                    K k = key.apply(element);
                    V v = value.apply(element);
                    V previous = map.putIfAbsent(k, v);
                    if (previous != null) {
                        if (merge == null) {
                            throw new IllegalStateException("duplicate key " + k + " (values " + previous + " and " + v
                                    + "; pass a merge function to combine them)");
                        }
                        map.put(k, merge.apply(previous, v));
                    }
                }
            });
            return Collections.unmodifiableMap(map);
        };
    }

    static <T, K> Terminal<T, Map<K, List<T>>> groupBy(Function<? super T, ? extends K> key) {
        Objects.requireNonNull(key, "key");
        return run -> {
            Map<K, List<T>> groups = new LinkedHashMap<>();
            run.forEachRemaining(new Indexing<T>("groupBy") {
                @Override
                void apply(T element) {
                    groups.computeIfAbsent(key.apply(element), k -> new ArrayList<>())
                            .add(element);
                }
            });
            Map<K, List<T>> result = new LinkedHashMap<>();
            groups.forEach((k, list) -> result.put(k, Collections.unmodifiableList(list)));
            return Collections.unmodifiableMap(result);
        };
    }

    static <T> Terminal<T, Partition<T>> partition(Predicate<? super T> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return run -> {
            List<T> matching = new ArrayList<>();
            List<T> rest = new ArrayList<>();
            run.forEachRemaining(new Indexing<T>("partition") {
                @Override
                void apply(T element) {
                    (predicate.test(element) ? matching : rest).add(element);
                }
            });
            return new Partition<>(matching, rest);
        };
    }

    static <T, R> Terminal<T, R> fold(R initial, BiFunction<? super R, ? super T, ? extends R> accumulator) {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(accumulator, "accumulator");
        return run -> {
            var folding = new Indexing<T>("fold") {
                R value = initial;

                @Override
                void apply(T element) {
                    value = accumulator.apply(value, element);
                }
            };
            run.forEachRemaining(folding);
            return folding.value;
        };
    }

    static <T> Terminal<T, Optional<T>> reduce(BinaryOperator<T> operator) {
        Objects.requireNonNull(operator, "operator");
        return run -> {
            var reducing = new Indexing<T>("reduce") {
                @Nullable
                T value;

                @Override
                void apply(T element) {
                    T current = value;
                    value = current == null ? element : operator.apply(current, element);
                }
            };
            run.forEachRemaining(reducing);
            return Optional.ofNullable(reducing.value);
        };
    }

    /** The least element by {@code comparator}; the first of equals. */
    static <T> Terminal<T, Optional<T>> minBy(Comparator<? super T> comparator, String operation) {
        return run -> {
            var least = new Indexing<T>(operation) {
                @Nullable
                T value;

                @Override
                void apply(T element) {
                    T current = value;
                    if (current == null || comparator.compare(element, current) < 0) {
                        value = element;
                    }
                }
            };
            run.forEachRemaining(least);
            return Optional.ofNullable(least.value);
        };
    }

    static long count(Cursor<?> run) {
        long[] count = {0};
        run.forEachRemaining(element -> count[0]++);
        return count[0];
    }

    static <T> Optional<T> first(Cursor<T> run) {
        Combining.Holder<T> holder = new Combining.Holder<>();
        return run.tryAdvance(holder) ? Optional.of(holder.take()) : Optional.empty();
    }

    static <T> Optional<T> last(Cursor<T> run) {
        return Terminals.<T>reduce((a, b) -> b).apply(run);
    }

    /** Whether some element matches; with {@code expected} false, whether some element does not. */
    static <T> Terminal<T, Boolean> anyMatch(Predicate<? super T> predicate, boolean expected, String operation) {
        Objects.requireNonNull(predicate, "predicate");
        return run -> {
            var matching = new Indexing<T>(operation) {
                boolean found;

                @Override
                void apply(T element) {
                    found = predicate.test(element) == expected;
                }
            };
            while (!matching.found && run.tryAdvance(matching)) {
                // stop at the first decisive element
            }
            return matching.found;
        };
    }

    static <T> Terminal<T, Boolean> forEach(Consumer<? super T> action) {
        Objects.requireNonNull(action, "action");
        return run -> {
            run.forEachRemaining(new Indexing<T>("forEach") {
                @Override
                void apply(T element) {
                    action.accept(element);
                }
            });
            return Boolean.TRUE;
        };
    }

    static <T, A, R> Terminal<T, R> collect(Collector<? super T, A, R> collector) {
        Objects.requireNonNull(collector, "collector");
        return run -> {
            A container = collector.supplier().get();
            BiConsumer<A, ? super T> accumulator = collector.accumulator();
            run.forEachRemaining(new Indexing<T>("collect") {
                @Override
                void apply(T element) {
                    accumulator.accept(container, element);
                }
            });
            return collector.finisher().apply(container);
        };
    }

    /** A terminal operation over one run: what a pipeline's terminal method runs once it has checked its arguments. */
    @FunctionalInterface
    interface Terminal<T, R> extends Function<Cursor<T>, R> {}

    /** A terminal consumer that names the failing element's index when the caller's function throws. */
    abstract static class Indexing<T> implements Consumer<T> {
        private final String operation;
        private long index;

        Indexing(String operation) {
            this.operation = operation;
        }

        abstract void apply(T element);

        @Override
        public final void accept(T element) {
            try {
                apply(element);
            } catch (RuntimeException e) {
                throw PipelineException.at(operation, index, e);
            }
            index++;
        }
    }
}
