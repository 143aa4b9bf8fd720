package dev.keel.testing;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Runs a property over many generated inputs and, when one fails, reports which input, which trial and which seed.
 *
 * <pre>{@code
 * @Test
 * void codec_roundTrips(SeededRandom random) {
 *     Property.forAll(random, 1_000, Gens.bytes(0, 4096), payload ->
 *             assertThat(decode(encode(payload))).isEqualTo(payload));
 * }
 * }</pre>
 *
 * <p>There is no shrinking: inputs are kept small by their generators' bounds instead, and the failing input is
 * printed whole (byte arrays as their length and first bytes). The trial count is the caller's: CI budgets are
 * per test.
 */
public final class Property {

    private Property() {}

    /** Checks {@code property} (which throws on failure, typically an AssertJ assertion) on {@code trials} inputs. */
    public static <T> void forAll(SeededRandom random, int trials, Gen<T> inputs, Consumer<? super T> property) {
        if (trials <= 0) {
            throw new IllegalArgumentException("trials (" + trials + ") must be positive");
        }
        for (int trial = 1; trial <= trials; trial++) {
            T input = inputs.next(random);
            try {
                property.accept(input);
            } catch (AssertionError | RuntimeException failure) {
                throw new AssertionError(
                        "property failed on trial " + trial + " of " + trials + " (seed " + random.seed()
                                + ") for input: " + describe(input),
                        failure);
            }
        }
    }

    static String describe(Object input) {
        if (input instanceof byte[] bytes) {
            int shown = Math.min(bytes.length, 32);
            return "byte[" + bytes.length + "] starting " + Arrays.toString(Arrays.copyOf(bytes, shown));
        }
        String text = String.valueOf(input);
        return text.length() <= 2_000 ? text : text.substring(0, 2_000) + "... (" + text.length() + " chars)";
    }
}
