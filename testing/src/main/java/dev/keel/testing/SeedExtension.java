package dev.keel.testing;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Supplies {@link SeededRandom} parameters to tests and names the seed when a test fails.
 *
 * <pre>{@code
 * @ExtendWith(SeedExtension.class)
 * final class StoreModelTest {
 *     @Test
 *     void randomOperations_matchTreeMap(SeededRandom random) { ... }
 * }
 * }</pre>
 *
 * <p>How the seed is chosen, and why: by default it is derived from the test's unique id, so every run of the suite
 * is deterministic (a failure reproduces by rerunning) while different tests still explore different sequences.
 * {@code -Dkeel.seed=N} overrides it for every test, to replay a reported failure or to explore new seeds in a loop
 * ({@code -Dkeel.seed=random} takes a fresh seed from the system clock and reports it like any other). On failure
 * the seed and the command that replays it are attached to the error as a suppressed exception, which Surefire
 * prints with the stack trace.
 */
public final class SeedExtension implements ParameterResolver, TestExecutionExceptionHandler {

    /** The system property that overrides the seed. */
    public static final String SEED_PROPERTY = "keel.seed";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SeedExtension.class);

    /** Thrown nowhere; attached to a failing test's error to say how to replay it. */
    static final class SeedReport extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SeedReport(String message) {
            super(message, null, false, false);
        }
    }

    /** Called by JUnit for {@code @ExtendWith(SeedExtension.class)}. */
    public SeedExtension() {}

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == SeededRandom.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        long seed = seedFor(extensionContext);
        extensionContext.getStore(NAMESPACE).put("seed", seed);
        return SeededRandom.withSeed(seed);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        Long seed = context.getStore(NAMESPACE).get("seed", Long.class);
        if (seed != null) {
            String test = context.getRequiredTestClass().getSimpleName() + "#"
                    + context.getRequiredTestMethod().getName();
            throwable.addSuppressed(new SeedReport("seed " + seed + " reproduces this failure: ./keel test "
                    + moduleHint(context) + " -Dtest='" + test + "' -D" + SEED_PROPERTY + "=" + seed));
        }
        throw throwable;
    }

    static long seedFor(ExtensionContext context) {
        String override = System.getProperty(SEED_PROPERTY, "").strip();
        if (override.equals("random")) {
            return System.nanoTime() ^ System.identityHashCode(context);
        }
        if (!override.isEmpty()) {
            try {
                return Long.parseLong(override);
            } catch (NumberFormatException e) {
                throw new ParameterResolutionException(
                        SEED_PROPERTY + " (" + override + ") must be a long or 'random'", e);
            }
        }
        return derivedSeed(context.getUniqueId());
    }

    /** A stable 64-bit seed from the test's id: two CRC32C halves, so it never changes across JDKs or runs. */
    static long derivedSeed(String uniqueId) {
        byte[] bytes = uniqueId.getBytes(StandardCharsets.UTF_8);
        CRC32C low = new CRC32C();
        low.update(bytes);
        CRC32C high = new CRC32C();
        high.update(bytes);
        high.update(bytes);
        return (high.getValue() << 32) | low.getValue();
    }

    private static String moduleHint(ExtensionContext context) {
        String name = context.getRequiredTestClass().getPackageName();
        String[] parts = name.split("\\.");
        return parts.length >= 3 ? parts[2] : name;
    }
}
