package dev.keel.testing;

import org.assertj.core.api.AbstractAssert;

/**
 * The base for keel's custom AssertJ assertions: a domain assertion reads {@code assertThat(log).hasRecords(3)} and
 * fails with a message that names what was checked, what was expected and what was found.
 *
 * <pre>{@code
 * final class RecoveryReportAssert extends KeelAssert<RecoveryReportAssert, RecoveryReport> {
 *     RecoveryReportAssert(RecoveryReport actual) { super(actual, RecoveryReportAssert.class); }
 *
 *     RecoveryReportAssert truncatedBytes(long expected) {
 *         return expectEqual("bytes truncated", expected, actual.bytesTruncated());
 *     }
 * }
 * }</pre>
 *
 * <p>Not thread-safe, as with every AssertJ assertion: one per check.
 *
 * @param <SELF> the concrete assertion type, for fluent chaining
 * @param <ACTUAL> the type of the value under test
 */
public abstract class KeelAssert<SELF extends KeelAssert<SELF, ACTUAL>, ACTUAL> extends AbstractAssert<SELF, ACTUAL> {

    protected KeelAssert(ACTUAL actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /** Fails unless {@code found} equals {@code expected}; the message names {@code what}. */
    protected final SELF expectEqual(String what, Object expected, Object found) {
        isNotNull();
        if (!java.util.Objects.equals(expected, found)) {
            failWithMessage("expected %s of <%s> to be <%s> but was <%s>", what, actual, expected, found);
        }
        return myself;
    }

    /** Fails unless {@code condition} holds; {@code description} says what should have been true, with arguments. */
    protected final SELF expect(boolean condition, String description, Object... args) {
        isNotNull();
        if (!condition) {
            failWithMessage("expected " + description + " for <%s>", appended(args, actual));
        }
        return myself;
    }

    private static Object[] appended(Object[] args, Object last) {
        Object[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = last;
        return all;
    }
}
