package dev.keel.cli;

import dev.keel.crawler.Crawl;
import dev.keel.crawler.CrawlException;
import dev.keel.crawler.JsonLinesWriter;
import dev.keel.crawler.Page;
import dev.keel.crawler.WebCrawler;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keel crawl URL... [options]}: a polite crawl from the command line, with a live progress line. */
@Command(
        name = "crawler",
        aliases = "crawl",
        mixinStandardHelpOptions = true,
        description = "Crawl from the given URLs: breadth-first, obeying robots.txt, waiting the delay between"
                + " requests to one host while crawling many hosts at once. One JSON line per fetched page with"
                + " --out; a summary line per page otherwise.")
final class CrawlCommand implements Callable<Integer> {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m)?");

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "URL", description = "Where to start (http:// or https://).")
    List<String> seeds = List.of();

    @Option(
            names = "--depth",
            paramLabel = "N",
            description = "Links followed from a seed at most (default: ${DEFAULT-VALUE}).")
    int depth = 3;

    @Option(names = "--max-pages", paramLabel = "N", description = "Pages fetched at most; never exceeded.")
    @Nullable
    Long maxPages;

    @Option(names = "--workers", paramLabel = "N", description = "Concurrent fetches (default: ${DEFAULT-VALUE}).")
    int workers = 8;

    @Option(
            names = "--delay",
            paramLabel = "TIME",
            description = "Least time between requests to one host, e.g. 200ms, 1s (default: ${DEFAULT-VALUE}).")
    String delay = "200ms";

    @Option(names = "--same-host", description = "Follow only links to a seed's host.")
    boolean sameHost;

    @Option(
            names = "--user-agent",
            paramLabel = "NAME",
            description = "The User-Agent; robots.txt groups match its first word.")
    @Nullable
    String userAgent;

    @Option(names = "--out", paramLabel = "FILE", description = "Write one JSON line per fetched page to FILE.")
    @Nullable
    Path out;

    @Option(names = "--warc", paramLabel = "FILE", description = "Also append each page to FILE as a WARC record.")
    @Nullable
    Path warc;

    @Option(names = "--state", paramLabel = "DIR", description = "Journal the crawl in DIR, so that it can be resumed.")
    @Nullable
    Path state;

    @Option(names = "--resume", description = "Continue the crawl journaled in --state DIR (appending to --out).")
    boolean resume;

    @Option(names = "--sitemaps", description = "Also crawl the pages listed in the sitemaps robots.txt names.")
    boolean sitemaps;

    @Option(names = "--quiet", description = "No progress line and no per-page lines.")
    boolean quiet;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (resume && state == null) {
            throw new UserError("--resume needs --state DIR (the journal to resume from)");
        }
        WebCrawler.Builder builder = WebCrawler.builder();
        try (JsonLinesWriter json = openOut()) {
            Consumer<Page> onPage = page -> {
                if (json != null) {
                    json.accept(page);
                } else if (!quiet) {
                    synchronized (stdout) {
                        stdout.println(describe(page));
                        stdout.flush();
                    }
                }
            };
            try {
                builder.maxDepth(depth)
                        .workers(workers)
                        .delay(parseDuration(delay))
                        .sameHost(sameHost);
                if (maxPages != null) {
                    builder.maxPages(maxPages);
                }
                if (userAgent != null) {
                    builder.userAgent(userAgent);
                }
                if (state != null) {
                    builder.stateDirectory(state).resume(resume);
                }
                if (warc != null) {
                    builder.warc(warc);
                }
                builder.onPage(onPage).keepPages(false);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new UserError(optionName(e.getMessage()));
            }
            return crawl(builder.build(), stdout, stderr);
        }
    }

    private int crawl(WebCrawler crawler, PrintWriter stdout, PrintWriter stderr) throws InterruptedException {
        Crawl crawl;
        try {
            crawl = crawler.start(seeds);
        } catch (CrawlException e) {
            if (e.code() == CrawlException.Code.BAD_SEED || e.code() == CrawlException.Code.STATE_MISMATCH) {
                throw new UserError(e.getMessage());
            }
            throw e;
        }
        CountDownLatch finished = new CountDownLatch(1);
        Thread progress = Thread.ofPlatform()
                .name("keel-crawl-progress")
                .daemon()
                .start(() -> {
                    try {
                        while (!finished.await(1, TimeUnit.SECONDS)) {
                            if (!quiet) {
                                stderr.print("\r" + crawl.progress().toLine() + "   ");
                                stderr.flush();
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
        try (Serving.Hook hook = new Serving.Hook("crawl");
                crawl) {
            hook.onShutdown(crawl::stop);
            crawl.await();
        } finally {
            finished.countDown();
            progress.join();
        }
        stdout.println("crawled: " + crawl.progress().toLine());
        stdout.flush();
        return ExitCode.OK;
    }

    private @Nullable JsonLinesWriter openOut() throws IOException {
        if (out == null) {
            return null;
        }
        if (out.getParent() != null && !Files.isDirectory(out.getParent())) {
            throw new UserError("--out " + out + ": the folder " + out.getParent() + " does not exist");
        }
        return resume ? JsonLinesWriter.appendingTo(out) : JsonLinesWriter.to(Files.newOutputStream(out));
    }

    static String describe(Page page) {
        String what = page.error() != null ? page.error() : page.title() == null ? "" : page.title();
        String hops =
                page.redirects().isEmpty() ? "" : " (via " + page.redirects().size() + " redirects)";
        return String.format(
                Locale.ROOT,
                "%3d  depth %d  %6.1f ms  %s%s  %s",
                page.status(),
                page.depth(),
                page.fetchTime().toNanos() / 1e6,
                page.finalUrl(),
                hops,
                what);
    }

    /** {@code 200ms}, {@code 2s}, {@code 1m}, or a bare number of milliseconds. */
    static Duration parseDuration(String text) {
        Matcher matcher = DURATION.matcher(text.strip());
        if (!matcher.matches()) {
            throw new UserError("--delay '" + text + "' (expected a duration such as 200ms, 1s or 0)");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "ms" : matcher.group(2);
        return switch (unit) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofMillis(amount);
        };
    }

    /** Builder messages name the builder's option; the user typed the flag. */
    private static String optionName(@Nullable String message) {
        String text = message == null ? "invalid option" : message;
        return text.replaceFirst("^maxDepth", "--depth")
                .replaceFirst("^maxPages", "--max-pages")
                .replaceFirst("^workers", "--workers")
                .replaceFirst("^userAgent", "--user-agent")
                .replaceFirst("^delay", "--delay");
    }
}
