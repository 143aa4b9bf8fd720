package dev.keel.bench.crawler;

import dev.keel.bench.MachineDescription;
import dev.keel.bench.MarkdownTable;
import dev.keel.bench.Report;
import dev.keel.bench.ScratchDirectory;
import dev.keel.time.Ticker;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * keel's crawler against crawler4j 4.4.0 on the same local web, in interleaved runs (keel, crawler4j; crawler4j,
 * keel; ...): pages per second to the last page (and from the first request, without the crawler's set-up), the
 * time from start to the first request the sites saw, the time from the last page until the crawl returned, the mean
 * gap between two requests to one site, and whether both visited the same set of URLs.
 *
 * <p>Two scenarios, as issue #11 names them: {@code one-host} (one site of {@code --pages} pages, no politeness delay,
 * {@code --workers} workers) and {@code many-hosts} ({@code --hosts} sites of {@code --host-pages} pages, a
 * {@code --delay-ms} per-host delay; the theoretical rate is hosts / delay). The sites are served by the JDK's
 * HttpServer in this JVM (see {@link BenchSite}), warmed before each round by a plain socket client, and with
 * {@code --fresh-jvm} also by unmeasured crawls of both crawlers before the first round ({@link #warmSitesWithCrawls});
 * the table shows the CPU this JVM (the sites) spent during each crawl. Odd rounds run keel first, even rounds
 * crawler4j. Without a delay
 * keel is allowed as many requests in flight to one host as it has workers, which is what crawler4j does with a
 * politeness delay of 0.
 *
 * <p>What is measured, for both crawlers alike: the clock starts before the crawler is configured (so the HTTP
 * client, crawler4j's Berkeley DB frontier and the threads are in it; JVM start-up is not) and stops at the last page.
 * By default both crawlers run in this JVM, one after the other, so only round 1 is a first crawl, and keel's round 1
 * also warms what the two share (the JDK itself). {@code --fresh-jvm} runs every crawl in a JVM of its own with this
 * JVM's flags ({@link FreshJvmCrawl}): the first crawl of a fresh JVM, for each crawler, in every round.
 * {@code --crawlers keel} runs keel alone, for profiling: with {@code --fresh-jvm}, {@code --child-flags} passes flags
 * (a JFR recording) to the crawling JVM. {@code --aot-cache} (with {@code --fresh-jvm}) first trains an AOT cache for
 * each crawler on a crawl of its own ({@link #trainAotCache}), then starts every measured crawl of that crawler
 * from its cache: the same JVM feature, offered to both.
 *
 * <pre>{@code
 * java -Xmx1g -cp bench/target/benchmarks.jar dev.keel.bench.crawler.CrawlerHarness --pages 20000 --workers 8 \
 *     --hosts 20 --host-pages 25 --delay-ms 100 --rounds 2 [--fresh-jvm] --out bench/results/crawler-vs-crawler4j.md
 * java -Xmx1g -cp bench/target/benchmarks.jar dev.keel.bench.crawler.CrawlerHarness --scenarios many-hosts \
 *     --crawlers keel --fresh-jvm --rounds 1 --child-flags -XX:StartFlightRecording=filename=cold.jfr,settings=profile
 * java -Xmx1g -cp bench/target/benchmarks.jar dev.keel.bench.crawler.CrawlerHarness --scenarios one-host \
 *     --pages 20000 --workers 8 --fresh-jvm --aot-cache --rounds 3
 * }</pre>
 */
public final class CrawlerHarness {

    /**
     * One crawl's outcome: pages visited, when the clock started ({@link System#nanoTime}, which on Linux is the
     * machine's monotonic clock, comparable across the harness and a child JVM), nanoseconds to the last page,
     * nanoseconds until the call returned.
     */
    record Result(int pages, long startNanos, long toLastPageNanos, long totalNanos) {
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
        String scenarios = String.valueOf(stringArg(args, "--scenarios", "one-host,many-hosts"));
        String crawlers = String.valueOf(stringArg(args, "--crawlers", "keel,crawler4j"));
        String childFlags = String.valueOf(stringArg(args, "--child-flags", ""));
        Options options = new Options(
                crawlers.contains("keel"),
                crawlers.contains("crawler4j"),
                List.of(args).contains("--fresh-jvm"),
                childFlags.isBlank() ? List.of() : List.of(childFlags.strip().split("\\s+")),
                intArg(args, "--warm-up-pages", 500),
                intArg(args, "--rounds", 2),
                List.of(args).contains("--aot-cache") ? intArg(args, "--aot-training-pages", 2_000) : 0,
                intArg(args, "--site-warm-up-crawls", List.of(args).contains("--fresh-jvm") ? 2 : 0));
        if (options.siteWarmUpCrawls() > 0 && !options.freshJvm()) {
            throw new IllegalArgumentException("--site-warm-up-crawls needs --fresh-jvm (in a shared JVM a warm-up"
                    + " crawl would warm the crawler too, not only the sites)");
        }
        if (options.aotTrainingPages() > 0 && !options.freshJvm()) {
            throw new IllegalArgumentException(
                    "--aot-cache needs --fresh-jvm (the cache is for the JVM a crawl starts)");
        }
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
            report.line(
                    options.freshJvm()
                            ? "Each crawl runs in a JVM of its own, started for it with these flags (the sites stay in this"
                                    + " JVM): the first crawl of a fresh JVM, for both crawlers."
                            : "Both crawlers run in this JVM, one after the other, scenario after scenario; only the first"
                                    + " round of the first scenario is each one's first crawl here.");
            report.line("The clock starts before the crawler is configured (set-up included, JVM start-up not) and"
                    + " stops at the last page; before each round the sites serve " + options.warmUpPages()
                    + " pages each to a plain socket client, so that neither crawler pays for warming them."
                    + " Odd rounds run keel first, even rounds crawler4j first.");
            report.line("");
            warmSitesWithCrawls(report, scratch.path(), pages, workers, options);
            Set<String> crawledHere = new HashSet<>(); // which crawlers have crawled in this JVM
            if (scenarios.contains("one-host")) {
                scenario(
                        report,
                        scratch.path(),
                        "one host, " + pages + " pages, " + workers + " workers, no delay",
                        1,
                        pages,
                        workers,
                        0,
                        options,
                        crawledHere);
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
                        options,
                        crawledHere);
            }
        }
    }

    /** What a run compares, as the command line says. */
    record Options(
            boolean keel,
            boolean crawler4j,
            boolean freshJvm,
            List<String> childFlags,
            int warmUpPages,
            int rounds,
            int aotTrainingPages,
            int siteWarmUpCrawls) {}

    /**
     * With {@code --site-warm-up-crawls N} (N is 2 by default with {@code --fresh-jvm}): before the first measured
     * round, each crawler in turn crawls a one-host site of {@code pages} pages, N times, each time in a fresh JVM,
     * unmeasured, and each of those sites first gets the plain-socket warm-up every round gets.
     *
     * <p>Why. The sites are served by this JVM on the same 2 cores as the crawl, and this JVM's JIT compiles their
     * code (the JDK's HttpServer: {@code ServerImpl$Exchange.run}, {@code ExchangeImpl.sendResponseHeaders}, the
     * dispatcher's loop; the virtual-thread scheduler) for the requests it has seen. The plain-socket warm-up sends
     * one request per connection with {@code Connection: close}; the crawlers keep 8 connections alive and send their
     * own headers, which take branches the socket requests never took, so the server's compiled code is thrown away
     * ({@code unstable_if}) and compiled again during the first crawl that sends them. Before this step that was
     * always keel's round-1 crawl: this JVM spent 1.44 s of JIT CPU (2.46 s in all) during it, against 0.06-0.08 s
     * (about 1.0 s) during keel's later crawls, and 0.59 s during crawler4j's round-1 crawl, which ran second (loaded
     * machine; JFR's compilation and deoptimization events of this JVM show which methods). Serving 20,000 socket
     * pages first did not help, for the same reason. The socket warm-up goes first here as well: run after the
     * crawls, it deoptimised the server again (for its own {@code Connection: close} branch) just before round 1.
     * The crawlers' own JVMs are discarded: only the sites are warmed, for both crawlers' requests alike. The table's
     * "sites' JVM" column shows, per measured crawl, what is left.
     */
    private static void warmSitesWithCrawls(Report report, Path scratch, int pages, int workers, Options options)
            throws Exception {
        for (int i = 1; i <= options.siteWarmUpCrawls(); i++) {
            for (String crawler : List.of("keel", "crawler4j")) {
                if (crawler.equals("keel") ? !options.keel() : !options.crawler4j()) {
                    continue;
                }
                report.progress("warming the sites: crawl " + i + " by " + crawler + " (not measured)");
                try (BenchSite site = new BenchSite(1, pages)) {
                    site.warmUp(options.warmUpPages()); // its requests too, before any crawl's: see above
                    FreshJvmCrawl.Outcome outcome =
                            FreshJvmCrawl.run(crawler, site.seeds(), workers, 0, scratch, List.of(), new HashSet<>());
                    report.line("Sites warmed by an unmeasured crawl by " + crawler + " (fresh JVM, one host, " + pages
                            + " pages, " + workers + " workers, no delay); the sites' JVM during it: CPU ms / JIT ms /"
                            + " GCs " + outcome.site().cell() + ".");
                }
            }
        }
        if (options.siteWarmUpCrawls() > 0) {
            report.line("");
        }
    }

    private static void scenario(
            Report report,
            Path scratch,
            String title,
            int hosts,
            int pages,
            int workers,
            int delayMs,
            Options options,
            Set<String> crawledHere)
            throws Exception {
        report.line("## " + title);
        report.line("");
        MarkdownTable table = new MarkdownTable(
                2,
                "round",
                "crawler",
                "JVM",
                "pages",
                "pages/s to last page",
                "first request after start ms",
                "pages/s from first request",
                "exit after last page ms",
                "same visited set",
                "mean gap between requests to a host at the server, ms",
                "sites' JVM during the crawl: CPU ms / JIT ms / GCs",
                "load average (1 min)");
        Map<String, List<String>> crawlerFlags = new HashMap<>();
        for (String crawler : List.of("keel", "crawler4j")) {
            boolean enabled = crawler.equals("keel") ? options.keel() : options.crawler4j();
            crawlerFlags.put(
                    crawler,
                    enabled && options.aotTrainingPages() > 0
                            ? trainAotCache(report, crawler, scratch, hosts, pages, workers, delayMs, options)
                            : List.of());
        }
        for (int round = 1; round <= options.rounds(); round++) {
            try (BenchSite site = new BenchSite(hosts, pages)) {
                report.progress("round " + round + ": warming the sites");
                site.warmUp(options.warmUpPages());
                Set<String> keelVisited = ConcurrentHashMap.newKeySet();
                Set<String> peerVisited = ConcurrentHashMap.newKeySet();
                Run keel = null;
                Run peer = null;
                // Odd rounds keel first, even rounds crawler4j first: whatever the first crawl of a round leaves
                // behind in the sites' JVM (garbage, compiled code) is left for each crawler in turn.
                List<String> order = round % 2 == 1 ? List.of("keel", "crawler4j") : List.of("crawler4j", "keel");
                for (String crawler : order) {
                    boolean isKeel = crawler.equals("keel");
                    if (isKeel ? !options.keel() : !options.crawler4j()) {
                        continue;
                    }
                    report.progress("round " + round + ": " + crawler);
                    Run done = run(
                            crawler,
                            site,
                            scratch,
                            workers,
                            delayMs,
                            options,
                            crawlerFlags.get(crawler),
                            isKeel ? keelVisited : peerVisited,
                            round,
                            crawledHere);
                    if (isKeel) {
                        keel = done;
                    } else {
                        peer = done;
                    }
                }
                String same = keel == null || peer == null ? "-" : keelVisited.equals(peerVisited) ? "yes" : "NO";
                for (Run run : Arrays.asList(keel, peer)) {
                    if (run != null) {
                        table.row(
                                Integer.toString(round),
                                run.crawler(),
                                run.jvm(),
                                Integer.toString(run.result().pages()),
                                rate(run.result()),
                                millis(run.firstRequestNanos() - run.result().startNanos()),
                                rateFromFirstRequest(run),
                                millis(run.result().totalNanos() - run.result().toLastPageNanos()),
                                same,
                                gap(run.gapNanos()),
                                run.siteUsage(),
                                run.load());
                    }
                }
                for (Run run : Arrays.asList(keel, peer)) {
                    if (run != null) {
                        report.line("round " + round + ", " + run.crawler()
                                + ": requests the sites received in each half second from the crawl's start: "
                                + run.requestsPerHalfSecond());
                    }
                }
                if (keel != null && peer != null) {
                    report.line(String.format(
                            Locale.ROOT,
                            "round %d: keel/crawler4j pages/s = %.2fx",
                            round,
                            keel.result().pagesPerSecond() / peer.result().pagesPerSecond()));
                }
                if (keel != null && keel.result().pages() != site.totalPages()) {
                    report.line("keel visited " + keel.result().pages() + " of " + site.totalPages() + " pages");
                }
            }
        }
        report.line("");
        report.lines(table.lines());
        report.line("");
    }

    /**
     * One crawler's crawl in a round: its result, when its first request reached a site, the mean gap the sites saw,
     * and the load average after it.
     */
    private record Run(
            String crawler,
            String jvm,
            Result result,
            long firstRequestNanos,
            double gapNanos,
            String siteUsage,
            String requestsPerHalfSecond,
            String load) {}

    private static Run run(
            String crawler,
            BenchSite site,
            Path scratch,
            int workers,
            int delayMs,
            Options options,
            List<String> crawlerFlags,
            Set<String> visited,
            int round,
            Set<String> crawledHere)
            throws Exception {
        site.meanGapNanosAndClear();
        Result result;
        String siteUsage = "-"; // in a shared JVM the crawler's own work would be in it
        String jvm;
        if (options.freshJvm()) {
            List<String> flags = new ArrayList<>(options.childFlags());
            flags.addAll(crawlerFlags);
            FreshJvmCrawl.Outcome outcome =
                    FreshJvmCrawl.run(crawler, site.seeds(), workers, delayMs, scratch, flags, visited);
            result = outcome.result();
            siteUsage = outcome.site().cell();
            jvm = "fresh (up " + outcome.jvmUptimeMillisAtStart() + " ms at start, " + outcome.cpuMillis()
                    + " ms CPU in all)";
        } else {
            result = crawler.equals("keel")
                    ? KeelRun.crawl(site.seeds(), workers, delayMs, visited)
                    : Crawler4jRun.crawl(
                            site.seeds(), workers, delayMs, scratch.resolve("c4j-" + workers + "-" + round), visited);
            jvm = crawledHere.add(crawler) ? "shared, its first crawl in it" : "shared";
        }
        long firstRequest = site.firstArrivalNanos();
        String perHalfSecond = site.arrivalsPer(result.startNanos(), 500_000_000L).stream()
                .map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(", "));
        return new Run(
                crawler, jvm, result, firstRequest, site.meanGapNanosAndClear(), siteUsage, perHalfSecond, load());
    }

    /**
     * With {@code --aot-cache}: a training crawl by {@code crawler}, in a JVM of its own, of a site of the scenario's
     * shape but at most {@code --aot-training-pages} pages per host (not the measured site, and not measured), with
     * {@code -XX:AOTCacheOutput} (JEP 514: the JVM records which classes it loaded and linked and how its methods
     * were used, and writes them to a cache when it exits). Returns the flag that makes the measured crawls of that
     * crawler start from its cache ({@code -XX:AOTCache}). Both crawlers are trained alike, each on its own crawl.
     */
    private static List<String> trainAotCache(
            Report report,
            String crawler,
            Path scratch,
            int hosts,
            int pages,
            int workers,
            int delayMs,
            Options options)
            throws Exception {
        Path cache = scratch.resolve(crawler + "-" + hosts + "-" + delayMs + ".aot");
        int trainingPages = Math.min(pages, options.aotTrainingPages());
        report.progress("training " + crawler + "'s AOT cache on " + hosts + " x " + trainingPages + " pages");
        try (BenchSite training = new BenchSite(hosts, trainingPages)) {
            List<String> flags = new ArrayList<>(options.childFlags());
            flags.add("-XX:AOTCacheOutput=" + cache);
            FreshJvmCrawl.run(crawler, training.seeds(), workers, delayMs, scratch, flags, new HashSet<>());
        }
        report.line(crawler + ": AOT cache trained on a crawl of " + hosts + " x " + trainingPages
                + " pages (another site, not measured); its measured crawls run with -XX:AOTCache="
                + cache.getFileName());
        return List.of("-XX:AOTCache=" + cache);
    }

    private static String rate(Result result) {
        return String.format(Locale.ROOT, "%.1f", result.pagesPerSecond());
    }

    /** The rate without the crawler's set-up: pages over the time from its first request to its last page. */
    private static String rateFromFirstRequest(Run run) {
        long nanos = run.result().startNanos() + run.result().toLastPageNanos() - run.firstRequestNanos();
        return String.format(Locale.ROOT, "%.1f", run.result().pages() * 1e9 / nanos);
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
