package dev.keel.crawler;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The crawl a crash test kills: crawls {@code args[0]} with its state in {@code args[1]} and {@code args[2]}
 * workers, printing {@code page <url>} for each page as it is fetched.
 */
final class CrawlChild {

    private CrawlChild() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        WebCrawler crawler = WebCrawler.builder()
                .delay(Duration.ZERO)
                .maxDepth(20)
                .workers(Integer.parseInt(args[2]))
                .stateDirectory(Path.of(args[1]))
                .resume(true)
                .keepPages(false)
                .onPage(page -> out.println("page " + page.url()))
                .build();
        crawler.crawl(args[0]);
        out.println("done");
    }
}
