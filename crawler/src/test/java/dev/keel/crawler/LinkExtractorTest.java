package dev.keel.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class LinkExtractorTest {

    /** The warm-up page goes through everything a real page does: title, entities, base, nofollow, canonical. */
    @Test
    void warmUp_parsesItsPage_likeARealOne() {
        LinkExtractor.Extracted extracted = new LinkExtractor(UrlNormalizer.standard(), false).warmUp();
        assertThat(extracted.title()).isEqualTo("Warm & up é");
        assertThat(extracted.links())
                .containsExactly(
                        "http://warm-up.invalid/dir/a.html",
                        "http://warm-up.invalid/c",
                        "http://warm-up.invalid/d/e",
                        "http://warm-up.invalid/dir/page.html");
    }
}
