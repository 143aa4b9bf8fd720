package dev.keel.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Factories for the small generators that property and model-based tests need: numbers, strings, byte arrays, lists,
 * and choices among values or weighted operations.
 *
 * <p>Bounds are inclusive on both ends ({@code ints(0, 9)} may return 9), since that is how test authors think of
 * ranges ("payloads of 0 to 4096 bytes"). Every generator is stateless and thread-safe.
 */
public final class Gens {

    /** Letters and digits: readable in failure messages. */
    public static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private Gens() {}

    /** A generator that always returns {@code value}. */
    public static <T> Gen<T> constant(T value) {
        return random -> value;
    }

    /** Integers in {@code [min, max]}. */
    public static Gen<Integer> ints(int min, int max) {
        checkRange(min, max);
        return random -> (int) random.nextLong(min, (long) max + 1);
    }

    /** Longs in {@code [min, max]}. */
    public static Gen<Long> longs(long min, long max) {
        checkRange(min, max);
        if (max < Long.MAX_VALUE) {
            return random -> random.nextLong(min, max + 1);
        }
        if (min > Long.MIN_VALUE) {
            return random -> random.nextLong(min - 1, max) + 1;
        }
        return SeededRandom::nextLong;
    }

    /** Byte arrays whose length is in {@code [minLength, maxLength]}. */
    public static Gen<byte[]> bytes(int minLength, int maxLength) {
        checkLength(minLength, maxLength);
        return random -> random.nextBytes(random.nextInt(minLength, maxLength + 1));
    }

    /** Strings of {@link #ALPHANUMERIC} characters whose length is in {@code [minLength, maxLength]}. */
    public static Gen<String> strings(int minLength, int maxLength) {
        return strings(ALPHANUMERIC, minLength, maxLength);
    }

    /** Strings of characters from {@code alphabet} whose length is in {@code [minLength, maxLength]}. */
    public static Gen<String> strings(String alphabet, int minLength, int maxLength) {
        checkLength(minLength, maxLength);
        if (alphabet.isEmpty()) {
            throw new IllegalArgumentException("alphabet must not be empty");
        }
        int[] codePoints = alphabet.codePoints().toArray();
        return random -> {
            int length = random.nextInt(minLength, maxLength + 1);
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
            }
            return text.toString();
        };
    }

    /** Lists of {@code elements} whose size is in {@code [minSize, maxSize]}. */
    public static <T> Gen<List<T>> lists(Gen<? extends T> elements, int minSize, int maxSize) {
        checkLength(minSize, maxSize);
        return random -> {
            int size = random.nextInt(minSize, maxSize + 1);
            List<T> list = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                list.add(elements.next(random));
            }
            return List.copyOf(list);
        };
    }

    /** One of {@code values}, uniformly. */
    @SafeVarargs
    public static <T> Gen<T> oneOf(T... values) {
        List<T> choices = new ArrayList<>(values.length);
        for (T value : values) {
            choices.add(value);
        }
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("oneOf needs at least one value");
        }
        return random -> random.pick(choices);
    }

    /**
     * A weighted choice among generators, for model-based tests that mix operations in realistic proportions:
     *
     * <pre>{@code
     * Gen<Op> ops = Gens.<Op>weighted()
     *         .add(6, keys.map(Get::new))
     *         .add(3, entries.map(Put::new))
     *         .add(1, keys.map(Delete::new))
     *         .build();
     * }</pre>
     */
    public static <T> WeightedBuilder<T> weighted() {
        return new WeightedBuilder<>();
    }

    /** Collects weighted alternatives for {@link #weighted()}. Not thread-safe; the built generator is. */
    public static final class WeightedBuilder<T> {
        private final List<Gen<? extends T>> alternatives = new ArrayList<>();
        private final List<Integer> weights = new ArrayList<>();
        private long total;

        private WeightedBuilder() {}

        /** Adds {@code alternative}, drawn with probability {@code weight / (sum of weights)}. */
        public WeightedBuilder<T> add(int weight, Gen<? extends T> alternative) {
            if (weight <= 0) {
                throw new IllegalArgumentException("weight (" + weight + ") must be positive");
            }
            alternatives.add(alternative);
            weights.add(weight);
            total = Math.addExact(total, weight);
            return this;
        }

        /** The generator; at least one alternative must have been added. */
        public Gen<T> build() {
            if (alternatives.isEmpty()) {
                throw new IllegalStateException("weighted() needs at least one alternative");
            }
            List<Gen<? extends T>> choices = List.copyOf(alternatives);
            int[] cumulative = new int[weights.size()];
            int sum = 0;
            for (int i = 0; i < cumulative.length; i++) {
                sum += weights.get(i);
                cumulative[i] = sum;
            }
            int bound = sum;
            return random -> {
                int roll = random.nextInt(bound);
                int index = 0;
                while (cumulative[index] <= roll) {
                    index++;
                }
                return choices.get(index).next(random);
            };
        }
    }

    private static void checkRange(long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException("min (" + min + ") must not exceed max (" + max + ")");
        }
    }

    private static void checkLength(int min, int max) {
        if (min < 0) {
            throw new IllegalArgumentException("minimum length (" + min + ") must not be negative");
        }
        checkRange(min, max);
        if (max == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maximum length (" + max + ") must be below Integer.MAX_VALUE");
        }
    }
}
