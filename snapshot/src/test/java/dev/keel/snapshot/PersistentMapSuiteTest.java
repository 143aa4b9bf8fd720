package dev.keel.snapshot;

import com.google.common.collect.testing.MapTestSuiteBuilder;
import com.google.common.collect.testing.TestStringMapGenerator;
import com.google.common.collect.testing.features.CollectionSize;
import java.util.Map;
import junit.framework.Test;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** guava-testlib's {@code Map} contract for {@link PersistentMap}: read-only, no nulls, unordered. */
final class PersistentMapSuiteTest {

    static Test suite() {
        return MapTestSuiteBuilder.using(new TestStringMapGenerator() {
                    @Override
                    protected Map<String, String> create(Map.Entry<String, String>[] entries) {
                        PersistentMap<String, String> map = PersistentMap.empty();
                        for (Map.Entry<String, String> entry : entries) {
                            map = map.with(entry.getKey(), entry.getValue());
                        }
                        return map;
                    }
                })
                .named("PersistentMap")
                .withFeatures(CollectionSize.ANY)
                .createTestSuite();
    }

    @TestFactory
    Iterable<DynamicTest> guavaMapContract() {
        return GuavaSuites.dynamicTests(suite());
    }
}
