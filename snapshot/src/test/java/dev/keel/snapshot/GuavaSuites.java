package dev.keel.snapshot;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import junit.framework.AssertionFailedError;
import junit.framework.Test;
import junit.framework.TestCase;
import junit.framework.TestFailure;
import junit.framework.TestResult;
import junit.framework.TestSuite;
import org.junit.jupiter.api.DynamicTest;

/** Runs a guava-testlib (JUnit 3) suite as JUnit Jupiter dynamic tests, one per test case, failures rethrown. */
final class GuavaSuites {

    private GuavaSuites() {}

    static List<DynamicTest> dynamicTests(Test suite) {
        List<DynamicTest> tests = new ArrayList<>();
        collect(suite, "", tests);
        return tests;
    }

    private static void collect(Test test, String path, List<DynamicTest> into) {
        if (test instanceof TestSuite suite) {
            String name = suite.getName() == null ? path : path + suite.getName() + " / ";
            for (Enumeration<Test> children = suite.tests(); children.hasMoreElements(); ) {
                collect(children.nextElement(), name, into);
            }
        } else if (test instanceof TestCase testCase) {
            into.add(DynamicTest.dynamicTest(path + testCase.getName(), () -> run(testCase)));
        } else {
            throw new IllegalArgumentException(
                    "unexpected JUnit 3 test type: " + test.getClass().getName());
        }
    }

    private static void run(TestCase testCase) throws Throwable {
        TestResult result = new TestResult();
        testCase.run(result);
        List<TestFailure> failures = new ArrayList<>();
        for (Enumeration<TestFailure> e = result.errors(); e.hasMoreElements(); ) {
            failures.add(e.nextElement());
        }
        for (Enumeration<TestFailure> e = result.failures(); e.hasMoreElements(); ) {
            failures.add(e.nextElement());
        }
        if (!failures.isEmpty()) {
            Throwable first = failures.getFirst().thrownException();
            if (first instanceof AssertionFailedError assertion) {
                AssertionError error = new AssertionError(assertion.getMessage(), assertion);
                throw error;
            }
            throw first;
        }
    }
}
