package dev.keel.testing;

import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A reproducible source of randomness that always knows its seed.
 *
 * <p>Tests get one from {@link SeedExtension} as a parameter: the seed comes from {@code -Dkeel.seed=N} when given,
 * and is otherwise derived from the test's unique id, so a run is deterministic and two tests draw different
 * sequences. When the test fails, the extension names the seed and the command that replays it.
 *
 * <p>Backed by {@link SplittableRandom} (fast, good statistical quality, splittable for threads). Every
 * {@link RandomGenerator} method is available ({@code nextInt(bound)}, {@code nextLong(from, to)}, ...).
 *
 * <p>Not thread-safe: a concurrent test gives each thread its own generator via {@link #split()}, which stays
 * reproducible as long as the splits happen in a fixed order.
 */
public final class SeededRandom implements RandomGenerator {

    private final long seed;
    private final SplittableRandom random;

    private SeededRandom(long seed, SplittableRandom random) {
        this.seed = seed;
        this.random = random;
    }

    /** A generator whose sequence is fixed by {@code seed}. */
    public static SeededRandom withSeed(long seed) {
        return new SeededRandom(seed, new SplittableRandom(seed));
    }

    /** The seed this generator (or the generator it was split from) started with: what replays the test. */
    public long seed() {
        return seed;
    }

    /** A new, independent generator for another thread; it reports the same root seed. */
    public SeededRandom split() {
        return new SeededRandom(seed, random.split());
    }

    @Override
    public long nextLong() {
        return random.nextLong();
    }

    @Override
    public int nextInt() {
        return random.nextInt();
    }

    /** {@code length} random bytes. */
    public byte[] nextBytes(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("length (" + length + ") must not be negative");
        }
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** One element of {@code choices}, uniformly. */
    public <T> T pick(List<? extends T> choices) {
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("choices must not be empty");
        }
        return choices.get(random.nextInt(choices.size()));
    }

    /** True with probability {@code numerator / denominator}. */
    public boolean chance(int numerator, int denominator) {
        if (denominator <= 0 || numerator < 0 || numerator > denominator) {
            throw new IllegalArgumentException("chance " + numerator + "/" + denominator
                    + " (expected: 0 <= numerator <= denominator, denominator > 0)");
        }
        return random.nextInt(denominator) < numerator;
    }

    @Override
    public String toString() {
        return "SeededRandom[seed=" + seed + "]";
    }
}
