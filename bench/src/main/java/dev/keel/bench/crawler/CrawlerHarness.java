package dev.keel.bench.crawler;

import dev.keel.bench.MachineDescription;
import dev.keel.bench.MarkdownTable;
import dev.keel.bench.Report;
import dev.keel.bench.ScratchDirectory;
import dev.keel.crawler.WebCrawler;
import dev.keel.time.Ticker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * keel's crawler against crawler4j 4.4.0 on the same local web, in one JVM, in interleaved runs (keel, crawler4j,
 * keel, crawler4j, ...): pages per second to the last page, the time from the last page until the crawl returned,
 * and whether both visited the same set of URLs.
 *
 * <p>Two scenarios, as issue #11 names them: {@code one-host} (one site of {@code --pages} pages, no politeness delay,
 * {@code --workers} workers) and {@code many-hosts} ({@code --hosts} sites of {@code --host-pages} pages, a
 * {@code --delay-ms} per-host delay; the theoretical rate is hosts / delay). The sites are served by the JDK's
 * HttpServer in this same JVM (see {@link BenchSite}), so server work competes with the crawler for the 2 cores:
 * both crawlers pay that equally. Without a delay keel is allowed as many requests in flight to one host as it has
 * workers, which is what crawler4j does with a politeness delay of 0.
 *
 * <pre>{@code
 * ./keel bench run dev.keel.bench.crawler.CrawlerHarness --pages 20000 --workers 8 --hosts 20 --host-pages 25 \
 *     --delay-ms 100 --rounds 2 --out bench/results/crawler-vs-crawler4j.md
 * }</pre>
 */
public final class CrawlerHarness {

    /** One crawl's outcome: pages visited, nanoseconds to the last page, nanoseconds until the call returned. */
    record Result(int pages, long toLastPageNanos, long totalNanos) {
        double pagesPerSecond() {
            return pages * 1e9 / toLastPageNanos;
        }
    }

    private CrawlerHarness() {}

    public static void main(String[] args) throws Exception {
        int pages = intArg(args, "--pages", 20_000);
        int workers = intArg(args, "--workers", 8);
        int hosts = intArg(args, "--hosts", 20);
        int hostPages = intArg(args, "--host-pages", 25);
        int delayMs = intArg(args, "--delay-ms", 100);
        int rounds = intArg(args, "--rounds", 2);
        String scenarios = String.valueOf(stringArg(args, "--scenarios", "one-host,many-hosts"));
        Optional<Path> out = Optional.ofNullable(stringArg(args, "--out", null)).map(Path::of);
        try (Report report = Report.toStandardStreams("CrawlerHarness", out, Ticker.system());
                ScratchDirectory scratch = ScratchDirectory.create("crawler-bench")) {
            report.line("# keel crawler vs crawler4j 4.4.0");
            report.line("");
            report.lines(MachineDescription.probe(scratch.path(), InstantSource.system(), List.of("crawler4j 4.4.0"))
                    .markdownLines());
            report.line("");
            report.line("JVM: " + Runtime.version() + ", flags "
                    + ProcessHandle.current()
                            .info()
                            .arguments()
                            .map(a -> String.join(" ", a))
                            .orElse("?"));
            report.line("");
            if (scenarios.contains("one-host")) {
                scenario(
                        report,
                        scratch.path(),
                        "one host, " + pages + " pages, " + workers + " workers, no delay",
                        1,
                        pages,
                        workers,
                        0,
                        rounds);
            }
            if (scenarios.contains("many-hosts")) {
                scenario(
                        report,
                        scratch.path(),
                        hosts + " hosts x " + hostPages + " pages, " + Math.max(workers, hosts)
                                + " workers, " + delayMs + " ms per-host delay (theoretical " + (hosts * 1000 / delayMs)
                                + " pages/s)",
                        hosts,
                        hostPages,
                        Math.max(workers, hosts),
                        delayMs,
                        rounds);
            }
        }
    }

    private static void scenario(
            Report report, Path scratch, String title, int hosts, int pages, int workers, int delayMs, int rounds)
            throws Exception {
        report.line("## " + title);
        report.line("");
        MarkdownTable table = new MarkdownTable(
                2,
                "round",
                "crawler",
                "pages",
                "pages/s to last page",
                "exit after last page ms",
                "same visited set",
                "mean gap between requests to a host at the server, ms",
                "load average (1 min)");
        for (int round = 1; round <= rounds; round++) {
            try (BenchSite site = new BenchSite(hosts, pages)) {
                Set<String> keelVisited = ConcurrentHashMap.newKeySet();
                report.progress("round " + round + ": keel");
                site.meanGapNanosAndClear();
                Result keel = keel(site.seeds(), workers, delayMs, keelVisited);
                double keelGap = site.meanGapNanosAndClear();
                Set<String> peerVisited = ConcurrentHashMap.newKeySet();
                report.progress("round " + round + ": crawler4j");
                Result peer = Crawler4jRun.crawl(
                        site.seeds(), workers, delayMs, scratch.resolve("c4j-" + hosts + "-" + round), peerVisited);
                double peerGap = site.meanGapNanosAndClear();
                boolean same = keelVisited.equals(peerVisited);
                table.row(
                        Integer.toString(round),
                        "keel",
                        Integer.toString(keel.pages()),
                        rate(keel),
                        millis(keel.totalNanos() - keel.toLastPageNanos()),
                        same ? "yes" : "NO",
                        gap(keelGap),
                        load());
                table.row(
                        Integer.toString(round),
                        "crawler4j",
                        Integer.toString(peer.pages()),
                        rate(peer),
                        millis(peer.totalNanos() - peer.toLastPageNanos()),
                        same ? "yes" : "NO",
                        gap(peerGap),
                        load());
                report.line(String.format(
                        Locale.ROOT,
                        "round %d: keel/crawler4j pages/s = %.2fx",
                        round,
                        keel.pagesPerSecond() / peer.pagesPerSecond()));
                if (keel.pages() != site.totalPages()) {
                    report.line("keel visited " + keel.pages() + " of " + site.totalPages() + " pages");
                }
            }
        }
        report.line("");
        report.lines(table.lines());
        report.line("");
    }

    private static Result keel(List<String> seeds, int workers, int delayMs, Set<String> visited) {
        long[] lastPage = {0};
        WebCrawler crawler = WebCrawler.builder()
                .workers(workers)
                .delay(Duration.ofMillis(delayMs))
                // Without a delay, crawler4j sends up to one request per worker to a host; so does keel here.
                .perHostConcurrency(delayMs == 0 ? Math.min(workers, 64) : 1)
                .maxDepth(10_000)
                .keepPages(false)
                .onPage(page -> {
                    if (page.isSuccess()) {
                        visited.add(page.finalUrl());
                    }
                    synchronized (lastPage) {
                        lastPage[0] = System.nanoTime();
                    }
                })
                .build();
        long start = System.nanoTime();
        crawler.crawl(seeds);
        long end = System.nanoTime();
        synchronized (lastPage) {
            return new Result(visited.size(), lastPage[0] - start, end - start);
        }
    }

    private static String rate(Result result) {
        return String.format(Locale.ROOT, "%.1f", result.pagesPerSecond());
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.0f", nanos / 1e6);
    }

    private static String gap(double nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    private static String load() {
        return String.format(
                Locale.ROOT,
                "%.2f",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
    }

    private static int intArg(String[] args, String name, int fallback) {
        String value = stringArg(args, name, null);
        return value == null ? fallback : Integer.parseInt(value);
    }

    private static @Nullable String stringArg(String[] args, String name, @Nullable String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
