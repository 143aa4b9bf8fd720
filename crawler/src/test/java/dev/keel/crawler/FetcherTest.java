package dev.keel.crawler;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.time.Ticker;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class FetcherTest {

    /** A URL the normaliser accepts but the JDK client refuses is an I/O failure of that page, never a crash. */
    @Test
    void get_urlTheClientRefuses_isAnIOException() {
        String url = UrlNormalizer.standard()
                .normalize("http://under_score.invalid/")
                .orElseThrow();
        try (Fetcher fetcher =
                new Fetcher("keel-crawler", Duration.ofSeconds(1), Duration.ofSeconds(1), Ticker.system())) {
            assertThatThrownBy(() -> fetcher.get(url, Set.of(), 1024))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("cannot request " + url);
        }
    }
}
