package dev.keel.logs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.logs.LogEntry;
import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The per-connection string cache returns exactly the substring asked for, reusing an equal one when it can. */
@ExtendWith(SeedExtension.class)
final class RecentStringsTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void get_sameTextAgain_returnsTheSameInstance() {
        RecentStrings recent = new RecentStrings();
        String first = recent.get("<14>1 host-a app", 6, 12);
        String second = recent.get("xx host-a yy", 3, 9);
        assertThat(first).isEqualTo("host-a");
        assertThat(second).isSameAs(first);
    }

    @Test
    void get_randomRegions_alwaysEqualSubstring(SeededRandom random) {
        RecentStrings recent = new RecentStrings();
        String alphabet = "ab1-.";
        for (int i = 0; i < 5_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(0, 80);
            for (int c = 0; c < length; c++) {
                text.append(alphabet.charAt(random.nextInt(0, alphabet.length())));
            }
            int from = random.nextInt(0, length + 1);
            int to = random.nextInt(from, length + 1);
            assertThat(recent.get(text.toString(), from, to)).isEqualTo(text.substring(from, to));
        }
    }

    @Test
    void parse_withOneCacheForManyMessages_equalsParsingEachAlone() throws ParseException {
        RecentStrings recent = new RecentStrings();
        String[] messages = {
            "<14>1 2026-11-28T10:00:00Z host-a app 100 - - one",
            "<14>1 2026-11-28T10:00:01Z host-b app 100 - - two", // same length, other host
            "<14>1 2026-11-28T10:00:02Z host-a app 101 ID7 - three",
            "<14>1 2026-11-28T10:00:03Z host-a ppa 100 - - four"
        };
        for (String message : messages) {
            LogEntry cached = SyslogParser.parse(message, RECEIVED, recent);
            assertThat(cached).isEqualTo(SyslogParser.parse(message, RECEIVED));
        }
    }
}
