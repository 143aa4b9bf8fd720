package dev.keel.logs.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Template ids agree with a plain map, also for templates that differ only where the hash does not look. */
@ExtendWith(SeedExtension.class)
final class TemplateIdsTest {

    @Test
    void idOf_randomTemplates_sameIdsAsAMap(SeededRandom random) {
        TemplateIds ids = new TemplateIds();
        Map<String, Integer> model = new HashMap<>();
        List<String> order = new ArrayList<>();
        String head = "x".repeat(40);
        for (int i = 0; i < 20_000; i++) {
            // Same length, same first and last 32 characters: only the middle tells these apart.
            String text = random.chance(1, 2)
                    ? head + random.nextInt(300) + head
                    : "GET /" + random.nextInt(500) + " \u0011 ms";
            StringBuilder builder = new StringBuilder(text);

            int id = ids.idOf(builder);

            Integer expected = model.computeIfAbsent(text, key -> {
                order.add(key);
                return order.size() - 1;
            });
            assertThat(id).as(text).isEqualTo(expected);
        }
        assertThat(ids.templates()).isEqualTo(order);
    }
}
