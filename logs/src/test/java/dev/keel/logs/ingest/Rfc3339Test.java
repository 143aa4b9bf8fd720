package dev.keel.logs.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SeedExtension.class)
final class Rfc3339Test {

    /** The hand-written parser agrees with java.time's on random times, fractions and offsets. */
    @Test
    void parse_agreesWithJavaTime(SeededRandom random) {
        for (int i = 0; i < 2000; i++) {
            Instant instant = Instant.ofEpochSecond(
                    random.nextLong(-2_000_000_000L, 8_000_000_000L), random.nextInt(1_000_000_000));
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(random.nextInt(-14 * 4, 14 * 4 + 1) * 900);
            String text = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(offset));
            assertThat(Rfc3339.parse(text))
                    .as(text)
                    .isEqualTo(OffsetDateTime.parse(text).toInstant());
        }
        assertThat(Rfc3339.parse("2026-11-28T10:00:00.5Z")).isEqualTo(Instant.parse("2026-11-28T10:00:00.5Z"));
    }

    @Test
    void parse_rejectsWhatIsNotRfc3339() {
        for (String bad : new String[] {
            "2026-13-01T00:00:00Z",
            "2026-11-28T25:00:00Z",
            "2026-11-28T10:00:00",
            "2026-11-28 10:00:00Z",
            "2026-11-28T10:00:00+0200",
            "yesterday"
        }) {
            assertThatThrownBy(() -> Rfc3339.parse(bad)).as(bad).isInstanceOf(DateTimeException.class);
        }
    }
}
