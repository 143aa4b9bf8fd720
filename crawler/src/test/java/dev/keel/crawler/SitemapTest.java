package dev.keel.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

final class SitemapTest {

    private static String urlset(String... locations) {
        StringBuilder xml = new StringBuilder(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        for (String location : locations) {
            xml.append("<url><loc> ").append(location).append(" </loc><lastmod>2026-01-01</lastmod></url>");
        }
        return xml.append("</urlset>").toString();
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    @Test
    void robotsSitemaps_indexAndGzip_areUrlSources() throws Exception {
        try (TestSite site = TestSite.start()) {
            site.robots("User-agent: *\nDisallow: /private/\nSitemap: " + site.url("/sitemap-index.xml") + "\n");
            site.handle(
                    "/sitemap-index.xml",
                    exchange -> TestSite.respond(
                            exchange,
                            200,
                            "application/xml",
                            "<sitemapindex><sitemap><loc>" + site.url("/sitemap1.xml.gz") + "</loc></sitemap>"
                                    + "<sitemap><loc>" + site.url("/sitemap2.xml")
                                    + "</loc></sitemap></sitemapindex>"));
            byte[] compressed = gzip(urlset(site.url("/orphan-a"), site.url("/private/hidden")));
            site.handle("/sitemap1.xml.gz", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/gzip");
                exchange.sendResponseHeaders(200, compressed.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(compressed);
                }
            });
            site.handle(
                    "/sitemap2.xml",
                    exchange -> TestSite.respond(
                            exchange, 200, "text/xml", urlset(site.url("/orphan-b"), "ftp://elsewhere/x")));
            site.linking("/").linking("/orphan-a").linking("/orphan-b").linking("/private/hidden");

            List<Page> pages = WebCrawler.builder()
                    .delay(Duration.ZERO)
                    .followSitemaps(true)
                    .build()
                    .crawl(site.url("/"));
            assertThat(pages)
                    .extracting(Page::url)
                    .containsExactlyInAnyOrder(site.url("/"), site.url("/orphan-a"), site.url("/orphan-b"));
            assertThat(pages)
                    .filteredOn(page -> page.url().contains("orphan"))
                    .allSatisfy(page -> assertThat(page.depth()).isEqualTo(1));

            List<Page> without =
                    WebCrawler.builder().delay(Duration.ZERO).build().crawl(site.url("/"));
            assertThat(without).extracting(Page::url).containsExactly(site.url("/"));
        }
    }

    @Test
    void reader_externalEntities_areNotResolved_andDamageKeepsWhatWasRead() throws IOException {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<urlset><url><loc>http://a.example/&e;</loc></url></urlset>";
        SitemapReader.Sitemap sitemap = SitemapReader.read(xxe.getBytes(StandardCharsets.UTF_8), 1 << 20);
        assertThat(String.join(" ", sitemap.pages())).doesNotContain("root:");

        String truncated = urlset("http://a.example/1", "http://a.example/2").substring(0, 230);
        assertThat(SitemapReader.read(truncated.getBytes(StandardCharsets.UTF_8), 1 << 20)
                        .pages())
                .contains("http://a.example/1");
        assertThat(SitemapReader.read("not xml at all".getBytes(StandardCharsets.UTF_8), 1 << 20)
                        .pages())
                .isEmpty();
    }
}
