package dev.keel.bench.crawler;

import dev.keel.bench.MarkdownTable;
import dev.keel.bench.Report;
import dev.keel.crawler.WebCrawler;
import dev.keel.time.Ticker;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * keel's crawler at a million discovered URLs: a site where every page links to {@code --fanout} new pages, crawled
 * until {@code --pages} fetches (so about pages x fanout URLs discovered, seen and queued), in the heap this JVM was
 * given ({@code -Xmx1g} in the command below). Reports the fetch rate while the crawl had discovered about 10,000
 * URLs against the rate while it had discovered about a million, and the heap in use after a full GC taken just
 * before the late window (everything the crawl holds then: seen set, a frontier of nearly a million queued URLs, the
 * HTTP client). A warm-up crawl of the same site comes first, so that
 * the early window is not the JIT's.
 *
 * <pre>{@code
 * java -Xmx1g -cp bench/target/benchmarks.jar dev.keel.bench.crawler.CrawlerScaleHarness --pages 20000 --fanout 50 \
 *     --out bench/results/crawler-scale.md
 * }</pre>
 */
public final class CrawlerScaleHarness {

    private CrawlerScaleHarness() {}

    public static void main(String[] args) throws Exception {
        int pages = Integer.parseInt(arg(args, "--pages", "20000"));
        int fanout = Integer.parseInt(arg(args, "--fanout", "50"));
        int workers = Integer.parseInt(arg(args, "--workers", "8"));
        Optional<Path> out = Optional.ofNullable(arg(args, "--out", ""))
                .filter(s -> !s.isEmpty())
                .map(Path::of);
        try (Report report = Report.toStandardStreams("CrawlerScaleHarness", out, Ticker.system());
                BenchSite site = new BenchSite(1, Integer.MAX_VALUE - 1, fanout)) {
            report.line("# keel crawler at a million discovered URLs");
            report.line("");
            report.line("JVM: " + Runtime.version() + ", max heap "
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB; " + pages + " fetches, fanout " + fanout
                    + ", " + workers + " workers, no delay");
            report.progress("warm-up");
            crawl(site.seeds(), Math.min(pages, 5_000), workers, new long[Math.min(pages, 5_000)], -1, new long[1]);
            report.progress("measured crawl");
            long[] at = new long[pages];
            int earlyFrom = 10_000 / fanout;
            int earlyTo = earlyFrom + Math.max(500, earlyFrom);
            int lateTo = pages - 1;
            int lateFrom = lateTo - (earlyTo - earlyFrom);
            long[] heap = {0};
            crawl(site.seeds(), pages, workers, at, lateFrom - 10, heap);
            long heapMiB = heap[0] / (1 << 20);
            double early = rate(at, earlyFrom, earlyTo);
            double late = rate(at, lateFrom, lateTo);
            MarkdownTable table = new MarkdownTable(1, "window", "fetches", "URLs discovered (about)", "pages/s");
            table.row(
                    "early",
                    earlyFrom + "-" + earlyTo,
                    (long) earlyFrom * fanout + "-" + (long) earlyTo * fanout,
                    String.format(Locale.ROOT, "%.1f", early));
            table.row(
                    "late",
                    lateFrom + "-" + lateTo,
                    (long) lateFrom * fanout + "-" + (long) lateTo * fanout,
                    String.format(Locale.ROOT, "%.1f", late));
            report.lines(table.lines());
            report.line("");
            report.line(String.format(
                    Locale.ROOT,
                    "late/early rate: %.2f; heap in use after a full GC just before the late window: %d"
                            + " MiB; load average (1 min): %.2f",
                    late / early,
                    heapMiB,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        }
    }

    /** Crawls; when the {@code measureAt}-th page is fetched, a full GC runs and the heap in use goes to {@code heap}. */
    private static void crawl(List<String> seeds, int pages, int workers, long[] at, int measureAt, long[] heap) {
        AtomicInteger count = new AtomicInteger();
        WebCrawler.builder()
                .workers(workers)
                .perHostConcurrency(workers)
                .delay(Duration.ZERO)
                .maxDepth(100)
                .maxPages(pages)
                .keepPages(false)
                .onPage(page -> {
                    int index = count.getAndIncrement();
                    if (index == measureAt) {
                        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
                        memory.gc();
                        heap[0] = memory.getHeapMemoryUsage().getUsed();
                    }
                    if (index < at.length) {
                        at[index] = System.nanoTime();
                    }
                })
                .build()
                .crawl(seeds);
    }

    private static double rate(long[] at, int from, int to) {
        return (to - from) * 1e9 / (at[to] - at[from]);
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
