package dev.keel.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

final class SeedExtensionTest {

    /** Run by the test kit, not by Surefire (it is not a top-level class). */
    @ExtendWith(SeedExtension.class)
    static final class Fixture {
        static final List<Long> SEEDS = new ArrayList<>();

        @Test
        void records(SeededRandom random) {
            SEEDS.add(random.seed());
        }

        @Test
        void fails(SeededRandom random) {
            SEEDS.add(random.seed());
            throw new AssertionError("boom");
        }
    }

    @Test
    void failingTest_namesItsSeedAndTheReplayCommand() {
        Fixture.SEEDS.clear();
        List<Event> failures = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(Fixture.class))
                .execute()
                .testEvents()
                .failed()
                .list();

        assertThat(failures).hasSize(1);
        Throwable failure = failures.getFirst()
                .getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                .orElseThrow();
        assertThat(failure).hasMessage("boom");
        assertThat(failure.getSuppressed()).hasSize(1);
        long seed = SeedExtension.derivedSeed(
                failures.getFirst().getTestDescriptor().getUniqueId().toString());
        assertThat(failure.getSuppressed()[0].getMessage())
                .isEqualTo("seed " + seed
                        + " reproduces this failure: ./keel test testing -Dtest='Fixture#fails' -Dkeel.seed=" + seed);
    }

    @Test
    void defaultSeed_isStablePerTestAndDiffersBetweenTests() {
        Fixture.SEEDS.clear();
        runFixture();
        List<Long> first = List.copyOf(Fixture.SEEDS);
        Fixture.SEEDS.clear();
        runFixture();
        assertThat(Fixture.SEEDS).containsExactlyInAnyOrderElementsOf(first);
        assertThat(first).doesNotHaveDuplicates().hasSize(2);
    }

    @Test
    void seedProperty_overridesEveryTest() {
        String previous = System.getProperty(SeedExtension.SEED_PROPERTY);
        System.setProperty(SeedExtension.SEED_PROPERTY, "42");
        try {
            Fixture.SEEDS.clear();
            runFixture();
            assertThat(Fixture.SEEDS).containsExactly(42L, 42L);
        } finally {
            restore(previous);
        }
    }

    @Test
    void seedProperty_notANumber_failsNamingTheValue() {
        String previous = System.getProperty(SeedExtension.SEED_PROPERTY);
        System.setProperty(SeedExtension.SEED_PROPERTY, "forty-two");
        try {
            List<Event> failures = EngineTestKit.engine("junit-jupiter")
                    .selectors(selectClass(Fixture.class))
                    .execute()
                    .testEvents()
                    .failed()
                    .list();
            assertThat(failures).hasSize(2);
            Throwable failure = failures.getFirst()
                    .getPayload(org.junit.platform.engine.TestExecutionResult.class)
                    .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                    .orElseThrow();
            assertThat(failure).hasMessageContaining("keel.seed (forty-two) must be a long or 'random'");
        } finally {
            restore(previous);
        }
    }

    @Test
    void derivedSeed_isAFixedFunctionOfTheId() {
        assertThat(SeedExtension.derivedSeed("[engine:junit-jupiter]/[class:X]/[method:y()]"))
                .isEqualTo(SeedExtension.derivedSeed("[engine:junit-jupiter]/[class:X]/[method:y()]"))
                .isNotEqualTo(SeedExtension.derivedSeed("[engine:junit-jupiter]/[class:X]/[method:z()]"));
    }

    private static void runFixture() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(Fixture.class))
                .execute();
    }

    private static void restore(String previous) {
        if (previous == null) {
            System.clearProperty(SeedExtension.SEED_PROPERTY);
        } else {
            System.setProperty(SeedExtension.SEED_PROPERTY, previous);
        }
    }
}
