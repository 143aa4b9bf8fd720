package dev.keel.crawler;

import dev.keel.time.Ticker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A polite, concurrent web crawler: the entry point of keel's crawler.
 *
 * <pre>{@code
 * WebCrawler crawler = new WebCrawler(3, 5);        // max depth 3, 5 workers
 * List<Page> results = crawler.crawl("https://example.com");
 * System.out.println("Crawled " + results.size() + " pages");
 *
 * WebCrawler polite = WebCrawler.builder()
 *         .maxDepth(5).workers(32).maxPages(10_000).delay(Duration.ofMillis(200)).sameHost(true)
 *         .onPage(page -> index(page)).stateDirectory(Path.of("crawl-state"))
 *         .build();
 * }</pre>
 *
 * <p>A crawl fetches the seeds, then the links of the pages it fetched, breadth-first, up to the depth and page
 * limits; it obeys robots.txt (RFC 9309), waits the per-host delay between requests to one host while crawling many
 * hosts at once, retries 5xx and network errors with exponential back-off, honours 429/503 {@code Retry-After}, and
 * follows redirects itself. See {@code docs/crawler.md} for the design.
 *
 * <p>Immutable and thread-safe: the options are fixed at construction, and each {@link #crawl} or {@link #start}
 * runs its own crawl with its own frontier, seen set and HTTP client.
 */
public final class WebCrawler {

    /** The default {@code User-Agent}; its product token for robots.txt is {@code keel-crawler}. */
    public static final String DEFAULT_USER_AGENT = "keel-crawler/0.1 (+https://github.com/keel/keel)";

    private final CrawlConfig config;

    /** A crawler with {@code maxDepth} and {@code workers} and every other option at its default. */
    public WebCrawler(int maxDepth, int workers) {
        this(builder().maxDepth(maxDepth).workers(workers).config());
    }

    private WebCrawler(CrawlConfig config) {
        this.config = config;
    }

    /** A builder with every option at its default: depth 3, 8 workers, a 200 ms per-host delay, robots obeyed. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Crawls from {@code seeds} to the end and returns every page fetched, in the order they were fetched.
     *
     * @throws CrawlException with {@link CrawlException.Code#BAD_SEED} if a seed is not an http(s) URL, or if the
     *     crawl could not run (the journal failed, the callback threw, this thread was interrupted)
     */
    public List<Page> crawl(String... seeds) {
        return crawl(List.of(seeds));
    }

    /** See {@link #crawl(String...)}. */
    public List<Page> crawl(List<String> seeds) {
        try (Crawl crawl = start(seeds)) {
            return crawl.await();
        }
    }

    /**
     * Starts a crawl in the background and returns its handle: {@link Crawl#progress()} while it runs,
     * {@link Crawl#stop()} to end it early, {@link Crawl#await()} for its pages.
     */
    public Crawl start(List<String> seeds) {
        if (seeds.isEmpty() && !config.resume()) {
            throw new CrawlException(CrawlException.Code.BAD_SEED, "seeds: none given (expected: at least one URL)");
        }
        List<String> normal = new ArrayList<>();
        for (String seed : seeds) {
            normal.add(config.normalizer()
                    .normalize(Objects.requireNonNull(seed, "seed"))
                    .orElseThrow(() -> new CrawlException(
                            CrawlException.Code.BAD_SEED,
                            "seed: '" + seed + "' (expected: an absolute http:// or https:// URL with a host)")));
        }
        CrawlRun run = CrawlRun.open(config, normal);
        run.start();
        return new Crawl(run);
    }

    /** A builder holding this crawler's options, to make a variant. */
    public Builder toBuilder() {
        return new Builder(config);
    }

    CrawlConfig config() {
        return config;
    }

    @Override
    public String toString() {
        return "WebCrawler[depth " + config.maxDepth() + ", " + config.workers() + " workers, delay " + config.delay()
                + "]";
    }

    /**
     * The options of a crawler. Each option may be set once (setting one twice fails, as it is almost always a
     * mistake); values are checked when set, with a message naming the value and what was expected.
     *
     * <p>Not thread-safe.
     */
    public static final class Builder {
        private final Set<String> set = new HashSet<>();
        private int maxDepth = 3;
        private int workers = 8;
        private long maxPages = Long.MAX_VALUE;
        private long maxPagesPerHost = Long.MAX_VALUE;
        private Duration delay = Duration.ofMillis(200);
        private Duration maxCrawlDelay = Duration.ofSeconds(10);
        private int perHostConcurrency = 1;
        private String userAgent = DEFAULT_USER_AGENT;
        private boolean obeyRobots = true;
        private boolean followNofollow;
        private boolean followSitemaps;
        private boolean sameHost;
        private Set<String> domainSuffixes = Set.of();
        private List<Pattern> includes = List.of();
        private List<Pattern> excludes = List.of();
        private UrlNormalizer normalizer = UrlNormalizer.standard();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration responseTimeout = Duration.ofSeconds(30);
        private long maxBodyBytes = 10L << 20;
        private Set<String> acceptedTypes = Set.of("text/html", "application/xhtml+xml");
        private int maxRedirects = 5;
        private int maxRetries = 2;
        private Duration retryBackoff = Duration.ofMillis(500);
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private Duration robotsCacheTtl = Duration.ofHours(24);
        private @Nullable Path stateDirectory;
        private @Nullable Path warcFile;
        private boolean resume;
        private @Nullable Consumer<Page> onPage;
        private boolean keepPages = true;
        private Ticker ticker = Ticker.system();
        private InstantSource clock = InstantSource.system();

        private Builder() {}

        private Builder(CrawlConfig config) {
            maxDepth = config.maxDepth();
            workers = config.workers();
            maxPages = config.maxPages();
            maxPagesPerHost = config.maxPagesPerHost();
            delay = config.delay();
            maxCrawlDelay = config.maxCrawlDelay();
            perHostConcurrency = config.perHostConcurrency();
            userAgent = config.userAgent();
            obeyRobots = config.obeyRobots();
            followNofollow = config.followNofollow();
            followSitemaps = config.followSitemaps();
            sameHost = config.scope().sameHost();
            domainSuffixes = config.scope().domainSuffixes();
            includes = config.scope().includes();
            excludes = config.scope().excludes();
            normalizer = config.normalizer();
            connectTimeout = config.connectTimeout();
            responseTimeout = config.responseTimeout();
            maxBodyBytes = config.maxBodyBytes();
            acceptedTypes = config.acceptedTypes();
            maxRedirects = config.maxRedirects();
            maxRetries = config.maxRetries();
            retryBackoff = config.retryBackoff();
            maxRetryAfter = config.maxRetryAfter();
            robotsCacheTtl = config.robotsCacheTtl();
            stateDirectory = config.stateDirectory();
            warcFile = config.warcFile();
            resume = config.resume();
            onPage = config.onPage();
            keepPages = config.keepPages();
            ticker = config.ticker();
            clock = config.clock();
        }

        /** Links followed from a seed at most (seeds are depth 0); 0 fetches only the seeds. Default 3. */
        public Builder maxDepth(int depth) {
            once("maxDepth");
            this.maxDepth = OptionChecks.atLeast("maxDepth", depth, 0);
            return this;
        }

        /** Concurrent fetches, each on its own virtual thread, 1 to 10,000. Default 8. */
        public Builder workers(int count) {
            once("workers");
            this.workers = OptionChecks.between("workers", count, 1, 10_000);
            return this;
        }

        /** Pages fetched at most (robots.txt and redirect hops not counted); never exceeded. Default unlimited. */
        public Builder maxPages(long pages) {
            once("maxPages");
            this.maxPages = OptionChecks.atLeast("maxPages", pages, 1);
            return this;
        }

        /** Pages fetched from one host at most. Default unlimited. */
        public Builder maxPagesPerHost(long pages) {
            once("maxPagesPerHost");
            this.maxPagesPerHost = OptionChecks.atLeast("maxPagesPerHost", pages, 1);
            return this;
        }

        /** The least time between two requests to one host (robots.txt and redirect hops included). Default 200 ms. */
        public Builder delay(Duration delay) {
            once("delay");
            this.delay = OptionChecks.nonNegative("delay", delay);
            return this;
        }

        /** A site's robots.txt Crawl-delay is honoured up to this much. Default 10 s. */
        public Builder maxCrawlDelay(Duration cap) {
            once("maxCrawlDelay");
            this.maxCrawlDelay = OptionChecks.nonNegative("maxCrawlDelay", cap);
            return this;
        }

        /** Requests in flight to one host at most, 1 to 64. Default 1. */
        public Builder perHostConcurrency(int requests) {
            once("perHostConcurrency");
            this.perHostConcurrency = OptionChecks.between("perHostConcurrency", requests, 1, 64);
            return this;
        }

        /** The User-Agent header; its leading product token is the name robots.txt groups are matched against. */
        public Builder userAgent(String userAgent) {
            once("userAgent");
            if (RobotsRules.leadingToken(userAgent).isEmpty()
                    || userAgent.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
                throw new IllegalArgumentException("userAgent: '" + userAgent
                        + "' (expected: printable ASCII starting with a product token of letters, '_' or '-')");
            }
            this.userAgent = userAgent;
            return this;
        }

        /** Whether robots.txt is fetched and obeyed. Default true. */
        public Builder obeyRobots(boolean obey) {
            once("obeyRobots");
            this.obeyRobots = obey;
            return this;
        }

        /** Whether links marked {@code rel=nofollow} (or pages with a robots meta nofollow) are followed. Default false. */
        public Builder followNofollow(boolean follow) {
            once("followNofollow");
            this.followNofollow = follow;
            return this;
        }

        /**
         * Whether the sitemaps a site's robots.txt lists (XML, sitemap indexes, gzip) are read as URL sources; their
         * pages are queued one level below the page that led to the site. Default false.
         */
        public Builder followSitemaps(boolean follow) {
            once("followSitemaps");
            this.followSitemaps = follow;
            return this;
        }

        /** Follow only links to a seed's host and port. Default false: links to other hosts are followed. */
        public Builder sameHost(boolean same) {
            once("sameHost");
            this.sameHost = same;
            return this;
        }

        /** Follow only hosts that are one of these domains or under them ({@code example.com} admits {@code a.example.com}). */
        public Builder allowDomains(Set<String> suffixes) {
            once("allowDomains");
            for (String suffix : suffixes) {
                if (suffix.isBlank() || suffix.contains("/") || suffix.startsWith(".")) {
                    throw new IllegalArgumentException(
                            "allowDomains: '" + suffix + "' (expected: a domain such as example.com)");
                }
            }
            this.domainSuffixes = Set.copyOf(suffixes);
            return this;
        }

        /** Follow only URLs in which one of these regular expressions finds a match. */
        public Builder include(String... regexes) {
            once("include");
            this.includes = OptionChecks.compile("include", regexes);
            return this;
        }

        /** Never follow URLs in which one of these regular expressions finds a match. */
        public Builder exclude(String... regexes) {
            once("exclude");
            this.excludes = OptionChecks.compile("exclude", regexes);
            return this;
        }

        /** How URLs are normalised before dedup. Default {@link UrlNormalizer#standard()}. */
        public Builder normalizer(UrlNormalizer normalizer) {
            once("normalizer");
            this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
            return this;
        }

        /** Time to open a connection. Default 10 s. */
        public Builder connectTimeout(Duration timeout) {
            once("connectTimeout");
            this.connectTimeout = OptionChecks.positive("connectTimeout", timeout);
            return this;
        }

        /** Time for a whole response, headers and body. Default 30 s. */
        public Builder responseTimeout(Duration timeout) {
            once("responseTimeout");
            this.responseTimeout = OptionChecks.positive("responseTimeout", timeout);
            return this;
        }

        /** Body bytes read at most; reading stops there and the page is marked truncated. Default 10 MiB. */
        public Builder maxBodyBytes(long bytes) {
            once("maxBodyBytes");
            this.maxBodyBytes = OptionChecks.between("maxBodyBytes", bytes, 1, Integer.MAX_VALUE - 8);
            return this;
        }

        /** Media types whose bodies are read and parsed. Default text/html and application/xhtml+xml. */
        public Builder acceptedTypes(Set<String> types) {
            once("acceptedTypes");
            if (types.isEmpty()) {
                throw new IllegalArgumentException("acceptedTypes: [] (expected: at least one media type)");
            }
            this.acceptedTypes = Set.copyOf(types);
            return this;
        }

        /** Redirect hops followed at most per page, 0 to 20. Default 5. */
        public Builder maxRedirects(int hops) {
            once("maxRedirects");
            this.maxRedirects = OptionChecks.between("maxRedirects", hops, 0, 20);
            return this;
        }

        /** Retries after a 5xx, 429 or network error, 0 to 10. Default 2. */
        public Builder maxRetries(int retries) {
            once("maxRetries");
            this.maxRetries = OptionChecks.between("maxRetries", retries, 0, 10);
            return this;
        }

        /** The first retry's back-off; each further retry doubles it, with jitter. Default 500 ms. */
        public Builder retryBackoff(Duration backoff) {
            once("retryBackoff");
            this.retryBackoff = OptionChecks.nonNegative("retryBackoff", backoff);
            return this;
        }

        /** A 429/503 Retry-After is honoured up to this much. Default 60 s. */
        public Builder maxRetryAfter(Duration cap) {
            once("maxRetryAfter");
            this.maxRetryAfter = OptionChecks.nonNegative("maxRetryAfter", cap);
            return this;
        }

        /** How long a host's robots.txt is reused before it is fetched again, at most 24 h (RFC 9309). */
        public Builder robotsCacheTtl(Duration ttl) {
            once("robotsCacheTtl");
            OptionChecks.positive("robotsCacheTtl", ttl);
            if (ttl.compareTo(Duration.ofHours(24)) > 0) {
                throw new IllegalArgumentException("robotsCacheTtl (" + ttl + ") must be at most 24 h (RFC 9309)");
            }
            this.robotsCacheTtl = ttl;
            return this;
        }

        /** Journal the frontier and seen set in {@code directory}, so that a killed crawl can {@link #resume}. */
        public Builder stateDirectory(Path directory) {
            once("stateDirectory");
            this.stateDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** Also append every fetched page to {@code file} as a WARC/1.1 response record (the body as read). */
        public Builder warc(Path file) {
            once("warc");
            this.warcFile = Objects.requireNonNull(file, "file");
            return this;
        }

        /** Continue the crawl journaled in the state directory instead of starting a new one. */
        public Builder resume(boolean resume) {
            once("resume");
            this.resume = resume;
            return this;
        }

        /** Called with every page, from the worker that fetched it (so concurrently); a throw stops the crawl. */
        public Builder onPage(Consumer<Page> callback) {
            once("onPage");
            this.onPage = Objects.requireNonNull(callback, "callback");
            return this;
        }

        /** Whether {@link WebCrawler#crawl} keeps and returns the pages; false for huge crawls. Default true. */
        public Builder keepPages(boolean keep) {
            once("keepPages");
            this.keepPages = keep;
            return this;
        }

        /** The clock for delays and fetch times. Default {@link Ticker#system()}. */
        public Builder ticker(Ticker ticker) {
            once("ticker");
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        /** The wall clock, for {@code Retry-After} dates. Default {@link InstantSource#system()}. */
        public Builder clock(InstantSource clock) {
            once("clock");
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The crawler. */
        public WebCrawler build() {
            if (resume && stateDirectory == null) {
                throw new IllegalStateException("resume needs a stateDirectory (the journal to resume from)");
            }
            return new WebCrawler(config());
        }

        CrawlConfig config() {
            return new CrawlConfig(
                    maxDepth,
                    workers,
                    maxPages,
                    maxPagesPerHost,
                    delay,
                    maxCrawlDelay,
                    perHostConcurrency,
                    userAgent,
                    obeyRobots,
                    followNofollow,
                    followSitemaps,
                    new CrawlScope(sameHost, domainSuffixes, includes, excludes),
                    normalizer,
                    connectTimeout,
                    responseTimeout,
                    maxBodyBytes,
                    acceptedTypes,
                    maxRedirects,
                    maxRetries,
                    retryBackoff,
                    maxRetryAfter,
                    robotsCacheTtl,
                    stateDirectory,
                    warcFile,
                    resume,
                    onPage,
                    keepPages,
                    ticker,
                    clock);
        }

        private void once(String option) {
            if (!set.add(option)) {
                throw new IllegalStateException(option + " was already set");
            }
        }
    }
}
