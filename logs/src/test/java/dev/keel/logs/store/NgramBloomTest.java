package dev.keel.logs.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The trigram filter: never a false negative, sized at 2^j or 3 * 2^j words with 5 to 7.5 bits per trigram. */
@ExtendWith(SeedExtension.class)
final class NgramBloomTest {

    @Test
    void of_randomMessages_containsEverySubstringAndIsSizedByDistinctTrigrams(SeededRandom random) {
        for (int round = 0; round < 40; round++) {
            List<String> messages = new ArrayList<>();
            int count = random.nextInt(1, 3_000);
            int alphabet = random.nextInt(2, 40);
            for (int i = 0; i < count; i++) {
                StringBuilder message = new StringBuilder();
                int length = random.nextInt(0, 60);
                for (int c = 0; c < length; c++) {
                    message.append((char) ('0' + random.nextInt(alphabet)));
                }
                messages.add(message.toString());
            }
            NgramBloom bloom = NgramBloom.of(messages);

            Set<String> trigrams = new HashSet<>();
            for (String message : messages) {
                String lower = message.toLowerCase(Locale.ROOT);
                for (int i = 0; i + 3 <= lower.length(); i++) {
                    if (!NgramBloom.isClockTrigram(lower.charAt(i), lower.charAt(i + 1), lower.charAt(i + 2))) {
                        trigrams.add(lower.substring(i, i + 3));
                    }
                }
                for (int i = 0; i + 3 <= message.length(); i += 7) {
                    String needle = message.substring(i, Math.min(message.length(), i + 3 + random.nextInt(10)));
                    assertThat(bloom.mightContain(needle)).as(needle).isTrue();
                }
            }
            int words = bloom.wordCount();
            assertThat(NgramBloom.isBuiltSize(words)).as("%d words", words).isTrue();
            double bitsPerTrigram = words * 64.0 / Math.max(1, trigrams.size());
            if (words > NgramBloom.MIN_WORDS) { // the smallest filter may hold fewer trigrams than 5 bits each
                // The distinct count is estimated from the filter's fill, so allow its error either side.
                assertThat(bitsPerTrigram)
                        .as("%d words for %d trigrams", words, trigrams.size())
                        .isBetween(4.5, 8.0);
            }
        }
    }

    @Test
    void clockTrigrams_areLeftOut_andNeedlesOfThemAlwaysMightMatch() {
        NgramBloom bloom = NgramBloom.of(List.of("2025-09-22 04:45:12 status installed libc6:amd64 2.36-9"));

        assertThat(NgramBloom.isClockTrigram('5', '-', '0')).isTrue();
        assertThat(NgramBloom.isClockTrigram('0', '4', ':')).isTrue();
        assertThat(NgramBloom.isClockTrigram('2', ' ', '0')).isTrue();
        assertThat(NgramBloom.isClockTrigram('2', '0', '2')).isFalse(); // digits alone: ids, counts
        assertThat(NgramBloom.isClockTrigram('0', '.', '1')).isFalse(); // addresses, versions
        assertThat(NgramBloom.isClockTrigram('6', ':', 'a')).isFalse();
        assertThat(bloom.mightContain("04:45:12")).isTrue();
        assertThat(bloom.mightContain("2025-09-22 04:45")).isTrue();
        assertThat(bloom.mightContain("23:59")).isTrue(); // only clock trigrams: cannot rule the block out
        assertThat(bloom.mightContain("libc6:amd64")).isTrue();
        assertThat(bloom.mightContain("1999-01-01 removed")).isFalse(); // "199" and "removed" are checked
    }

    @Test
    void isBuiltSize_powersOfTwoAndThreeTimesThem_only() {
        assertThat(NgramBloom.isBuiltSize(16)).isTrue();
        assertThat(NgramBloom.isBuiltSize(24)).isTrue();
        assertThat(NgramBloom.isBuiltSize(32_768)).isTrue();
        assertThat(NgramBloom.isBuiltSize(49_152)).isTrue();
        assertThat(NgramBloom.isBuiltSize(98_304)).isTrue();
        assertThat(NgramBloom.isBuiltSize(8)).isFalse();
        assertThat(NgramBloom.isBuiltSize(40)).isFalse();
        assertThat(NgramBloom.isBuiltSize(65_536)).isFalse();
        assertThat(NgramBloom.isBuiltSize(196_608)).isFalse();
    }
}
