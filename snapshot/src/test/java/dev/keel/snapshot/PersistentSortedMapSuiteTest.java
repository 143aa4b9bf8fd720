package dev.keel.snapshot;

import com.google.common.collect.testing.NavigableMapTestSuiteBuilder;
import com.google.common.collect.testing.TestStringSortedMapGenerator;
import com.google.common.collect.testing.features.CollectionFeature;
import com.google.common.collect.testing.features.CollectionSize;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** guava-testlib's {@code NavigableMap} contract (with its derived views) for {@link PersistentSortedMap}. */
final class PersistentSortedMapSuiteTest {

    @TestFactory
    Iterable<DynamicTest> guavaNavigableMapContract() {
        return GuavaSuites.dynamicTests(NavigableMapTestSuiteBuilder.using(new TestStringSortedMapGenerator() {
                    @Override
                    protected SortedMap<String, String> create(Map.Entry<String, String>[] entries) {
                        PersistentSortedMap<String, String> map = PersistentSortedMap.empty();
                        for (Map.Entry<String, String> entry : entries) {
                            map = map.with(entry.getKey(), entry.getValue());
                        }
                        return map;
                    }
                })
                .named("PersistentSortedMap")
                .withFeatures(CollectionSize.ANY, CollectionFeature.KNOWN_ORDER)
                .createTestSuite());
    }
}
