package dev.keel.crawler;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * One crawl: the workers, and what each does with a URL the frontier hands it.
 *
 * <p>How a URL is processed, and why in this order: the worker holds a request slot on the URL's host (the
 * frontier gave it one); it makes sure the host's robots.txt is known (fetching it under that slot, then waiting the
 * delay again), drops the URL if robots.txt forbids it, then fetches. A redirect is followed here, not by the HTTP
 * client, so that each hop is checked against robots.txt of its own host and takes a request slot on it: the
 * per-host delay separates every request, hops included. A worker holds at most one host slot at a time (it gives
 * one back before waiting for another), so two redirects in opposite directions cannot deadlock. Retries go back to
 * the frontier with a back-off, freeing the worker for other hosts.
 *
 * <p>Thread-safe: the shared state is the frontier, the seen set, the robots cache, the journal and counters, each
 * thread-safe; everything else is confined to one worker's virtual thread.
 */
final class CrawlRun {

    private final CrawlConfig config;
    private final List<String> seeds;
    private final Set<String> seedHosts;
    private final @Nullable CrawlJournal journal;
    private final @Nullable WarcWriter warc;
    private final Frontier frontier;
    private final SeenSet seen = new SeenSet();
    private final RobotsCache robots;
    private final Fetcher fetcher;
    private final LinkExtractor extractor;
    private final List<Page> pages = Collections.synchronizedList(new ArrayList<>());
    private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
    private final AtomicLong robotsDisallowed = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
    private final List<Thread> workers = new ArrayList<>();
    /** The parser's warm-up (see {@link #warmUpParserOnce}), started at most once. */
    private final AtomicReference<@Nullable Thread> parserWarmUp = new AtomicReference<>();

    private final long startedAt;

    private CrawlRun(CrawlConfig config, List<String> seeds, @Nullable CrawlJournal journal) {
        this.config = config;
        this.warc = openWarc(config);
        this.seeds = List.copyOf(seeds);
        Set<String> hosts = new HashSet<>();
        seeds.forEach(seed -> hosts.add(UrlNormalizer.hostKey(seed)));
        this.seedHosts = Set.copyOf(hosts);
        this.journal = journal;
        this.frontier = new Frontier(
                config.ticker(),
                config.delay().toNanos(),
                config.perHostConcurrency(),
                config.maxPages(),
                config.maxPagesPerHost());
        this.robots = new RobotsCache(config.ticker(), config.robotsCacheTtl().toNanos());
        this.fetcher =
                new Fetcher(config.userAgent(), config.connectTimeout(), config.responseTimeout(), config.ticker());
        this.extractor = new LinkExtractor(config.normalizer(), config.followNofollow());
        this.startedAt = config.ticker().read();
    }

    private static @Nullable WarcWriter openWarc(CrawlConfig config) {
        if (config.warcFile() == null) {
            return null;
        }
        try {
            return WarcWriter.open(config.warcFile(), config.clock(), config.userAgent());
        } catch (IOException e) {
            throw new CrawlException(
                    CrawlException.Code.OUTPUT_FAILED, "cannot open the WARC file " + config.warcFile() + ": " + e, e);
        }
    }

    /** A run from {@code seeds} (normalised), or resumed from the state directory's journal. */
    static CrawlRun open(CrawlConfig config, List<String> seeds) {
        if (config.stateDirectory() == null) {
            CrawlRun run = new CrawlRun(config, seeds, null);
            run.seed(seeds);
            return run;
        }
        CrawlJournal journal;
        try {
            journal = CrawlJournal.open(config.stateDirectory());
        } catch (IOException e) {
            throw new CrawlException(
                    CrawlException.Code.JOURNAL_FAILED,
                    "cannot open the crawl journal in " + config.stateDirectory() + ": " + e.getMessage(),
                    e);
        }
        try {
            CrawlJournal.Recovered recovered = journal.recover();
            if (!recovered.isEmpty() && !config.resume()) {
                throw new CrawlException(
                        CrawlException.Code.STATE_MISMATCH,
                        "state directory " + config.stateDirectory()
                                + " holds a crawl (expected: resume it, or use an empty directory)");
            }
            CrawlRun run = new CrawlRun(config, seeds, journal);
            run.restore(recovered);
            run.seed(seeds);
            return run;
        } catch (IOException | RuntimeException e) {
            try {
                journal.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            if (e instanceof CrawlException crawl) {
                throw crawl;
            }
            throw new CrawlException(
                    CrawlException.Code.JOURNAL_FAILED,
                    "cannot read the crawl journal in " + config.stateDirectory() + ": " + e.getMessage(),
                    e);
        }
    }

    private void restore(CrawlJournal.Recovered recovered) {
        recovered.seen().forEach(seen::add);
        recovered.fetched().forEach(seen::add);
        recovered.fetched().forEach(frontier::countEarlierPage);
        recovered.queued().forEach(frontier::offer);
    }

    private void seed(List<String> urls) {
        List<byte[]> records = new ArrayList<>();
        List<String> fresh = new ArrayList<>();
        for (String url : urls) {
            if (seen.add(url)) {
                fresh.add(url);
                records.add(CrawlJournal.record(CrawlJournal.DISCOVERED, 0, url));
            }
        }
        journal(records);
        fresh.forEach(url -> frontier.offer(url, 0));
    }

    void start() {
        for (int i = 0; i < config.workers(); i++) {
            workers.add(Thread.ofVirtual().name("crawler-worker-" + i).start(this::work));
        }
    }

    /** Waits for the workers, closes the client and journal, and returns the pages (or throws the failure). */
    List<Page> await() throws InterruptedException {
        for (Thread worker : workers) {
            worker.join();
        }
        Thread warmUp = parserWarmUp.get();
        if (warmUp != null) {
            warmUp.join();
        }
        fetcher.close();
        if (warc != null) {
            try {
                warc.close();
            } catch (IOException e) {
                failure.compareAndSet(
                        null,
                        new CrawlException(CrawlException.Code.OUTPUT_FAILED, "cannot close the WARC file: " + e, e));
            }
        }
        if (journal != null) {
            try {
                journal.close();
            } catch (IOException e) {
                failure.compareAndSet(null, e);
            }
        }
        Throwable failed = failure.get();
        if (failed instanceof CrawlException crawl) {
            throw crawl;
        }
        if (failed != null) {
            CrawlException.Code code =
                    failed instanceof IOException ? CrawlException.Code.JOURNAL_FAILED : CrawlException.Code.FAILED;
            throw new CrawlException(code, "the crawl failed: " + failed, failed);
        }
        synchronized (pages) {
            return List.copyOf(pages);
        }
    }

    /** Ends the crawl early: queued URLs are dropped and fetches in flight are abandoned. */
    void stop() {
        frontier.close();
        workers.forEach(Thread::interrupt);
    }

    CrawlProgress progress() {
        Map<Integer, Long> statuses = new TreeMap<>();
        byStatus.forEach((status, count) -> statuses.put(status, count.sum()));
        return new CrawlProgress(
                frontier.pagesReserved() - frontier.inFlight(),
                frontier.queued(),
                frontier.inFlight(),
                new TreeMap<>(statuses),
                robotsDisallowed.get(),
                retries.get(),
                Duration.ofNanos(config.ticker().read() - startedAt));
    }

    /** The seeds this run was given, normalised. */
    List<String> seeds() {
        return seeds;
    }

    private void work() {
        HostSlot slot = new HostSlot();
        try {
            while (true) {
                Frontier.Dispatch dispatch = frontier.next();
                if (dispatch == null) {
                    return;
                }
                slot.hold(dispatch.hostKey());
                try {
                    process(dispatch, slot);
                } finally {
                    slot.release();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure.compareAndSet(null, e);
            frontier.close();
        }
    }

    private void process(Frontier.Dispatch dispatch, HostSlot slot) throws InterruptedException {
        String url = dispatch.url();
        List<String> chain = new ArrayList<>();
        Set<String> hops = new LinkedHashSet<>();
        List<byte[]> records = new ArrayList<>();
        while (true) {
            String hostKey = UrlNormalizer.hostKey(url);
            if (config.obeyRobots()
                    && !robotsFor(url, slot, dispatch.depth()).isAllowed(UrlNormalizer.pathAndQuery(url))) {
                robotsDisallowed.incrementAndGet();
                records.add(CrawlJournal.record(CrawlJournal.DONE, 0, dispatch.url()));
                finishWithoutPage(dispatch, records);
                return;
            }
            slot.freshFor(hostKey);
            Fetcher.Response response;
            try {
                response = fetcher.get(url, config.acceptedTypes(), config.maxBodyBytes());
            } catch (IOException e) {
                slot.used();
                if (dispatch.attempt() < config.maxRetries()) {
                    retry(dispatch, backoffNanos(dispatch.attempt()));
                    return;
                }
                emit(dispatch, errorPage(dispatch, url, 0, chain, describe(e)), List.of(), records);
                return;
            }
            int status = response.status();
            // The host's delay changes before the slot goes back, so that the next request already waits the new one.
            if (status == 429 || status == 503) {
                frontier.slowDown(hostKey, config.maxCrawlDelay().toNanos());
            } else if (status >= 200 && status < 300) {
                frontier.speedUp(hostKey);
            }
            slot.answered(response.answeredAt());
            if (isRedirect(status) && response.location() != null) {
                chain.add(url);
                hops.add(url);
                Optional<String> target = config.normalizer().resolve(url, response.location());
                String problem = target.isEmpty()
                        ? "redirect to an unusable URL: " + response.location()
                        : hops.contains(target.get())
                                ? "redirect loop at " + target.get()
                                : chain.size() > config.maxRedirects()
                                        ? "more than " + config.maxRedirects() + " redirects"
                                        : null;
                if (problem != null) {
                    emit(dispatch, errorPage(dispatch, url, status, chain, problem), List.of(), records);
                    return;
                }
                String next = target.get();
                if (!config.scope().allows(next, seedHosts) || !seen.add(next)) {
                    records.add(CrawlJournal.record(CrawlJournal.DONE, 0, dispatch.url()));
                    finishWithoutPage(dispatch, records);
                    return;
                }
                records.add(CrawlJournal.record(CrawlJournal.DONE, 0, next));
                url = next;
                continue;
            }
            if ((status == 429 || status >= 500) && dispatch.attempt() < config.maxRetries()) {
                long backoff = backoffNanos(dispatch.attempt());
                long retryAfter = RetryAfter.nanos(response.retryAfter(), config.maxRetryAfter(), config.clock());
                retry(dispatch, Math.max(backoff, retryAfter));
                return;
            }
            emitFetched(dispatch, url, response, chain, records);
            return;
        }
    }

    private void emitFetched(
            Frontier.Dispatch dispatch,
            String finalUrl,
            Fetcher.Response response,
            List<String> chain,
            List<byte[]> records) {
        String title = null;
        List<String> links = List.of();
        boolean html = response.typeAccepted() && response.body().length > 0;
        if (html) {
            LinkExtractor.Extracted extracted = extractor.extract(response.body(), response.charset(), finalUrl);
            title = extracted.title();
            links = extracted.links();
        }
        Page page = new Page(
                dispatch.url(),
                finalUrl,
                response.status(),
                dispatch.depth(),
                response.contentType(),
                title,
                links,
                Duration.ofNanos(response.nanos()),
                chain,
                response.body().length,
                response.truncated(),
                null);
        if (warc != null) {
            try {
                warc.response(
                        finalUrl, response.status(), response.contentType(), response.body(), response.truncated());
            } catch (IOException e) {
                failure.compareAndSet(
                        null,
                        new CrawlException(CrawlException.Code.OUTPUT_FAILED, "cannot write the WARC file: " + e, e));
                frontier.close();
            }
        }
        List<String> children = new ArrayList<>();
        if (dispatch.depth() < config.maxDepth()) {
            for (String link : links) {
                if (config.scope().allows(link, seedHosts) && seen.add(link)) {
                    children.add(link);
                }
            }
        }
        emit(dispatch, page, children, records);
    }

    private void emit(Frontier.Dispatch dispatch, Page page, List<String> children, List<byte[]> records) {
        byStatus.computeIfAbsent(page.status(), status -> new LongAdder()).increment();
        if (config.onPage() != null) {
            try {
                config.onPage().accept(page);
            } catch (RuntimeException e) {
                failure.compareAndSet(
                        null,
                        new CrawlException(
                                CrawlException.Code.CALLBACK_FAILED, "onPage threw for " + page.url() + ": " + e, e));
                frontier.close();
            }
        }
        if (config.keepPages()) {
            pages.add(page);
        }
        if (journal != null) { // without a state directory, no records are encoded only to be dropped
            for (String child : children) {
                records.add(CrawlJournal.record(CrawlJournal.DISCOVERED, dispatch.depth() + 1, child));
            }
            records.add(CrawlJournal.record(CrawlJournal.FETCHED, 0, dispatch.url()));
            journal(records);
        }
        children.forEach(child -> frontier.offer(child, dispatch.depth() + 1));
        frontier.complete(dispatch, true);
    }

    /** Journals and queues the new, in-scope URLs among {@code urls} at {@code depth}. */
    private void discover(List<String> urls, int depth) {
        List<String> fresh = new ArrayList<>();
        List<byte[]> records = new ArrayList<>();
        for (String url : urls) {
            if (config.scope().allows(url, seedHosts) && seen.add(url)) {
                fresh.add(url);
                records.add(CrawlJournal.record(CrawlJournal.DISCOVERED, depth, url));
            }
        }
        journal(records);
        fresh.forEach(url -> frontier.offer(url, depth));
    }

    private void finishWithoutPage(Frontier.Dispatch dispatch, List<byte[]> records) {
        journal(records);
        frontier.complete(dispatch, false);
    }

    private void retry(Frontier.Dispatch dispatch, long backoffNanos) {
        retries.incrementAndGet();
        frontier.retry(dispatch, backoffNanos);
    }

    private RobotsRules robotsFor(String url, HostSlot slot, int depth) throws InterruptedException {
        String origin = UrlNormalizer.origin(url);
        RobotsRules cached = robots.get(origin);
        if (cached != null) {
            return cached;
        }
        slot.freshFor(UrlNormalizer.hostKey(url));
        cached = robots.get(origin); // another worker may have fetched it while this one waited for the slot
        if (cached != null) {
            return cached;
        }
        // robots.txt and sitemaps keep the host's slot until the rules are cached (slot::spent, not slot::used), so
        // that no other worker fetches the same robots.txt meanwhile.
        RobotsRules rules = new RobotsFetch(fetcher, config, slot::freshFor, slot::spent).fetch(origin);
        warmUpParserOnce();
        robots.put(origin, rules);
        if (config.followSitemaps() && depth < config.maxDepth()) {
            discover(new SitemapFetch(fetcher, config, slot::freshFor, slot::spent).pages(rules.sitemaps()), depth + 1);
        }
        rules.crawlDelay().ifPresent(crawlDelay -> {
            Duration capped = crawlDelay.compareTo(config.maxCrawlDelay()) > 0 ? config.maxCrawlDelay() : crawlDelay;
            Duration effective = capped.compareTo(config.delay()) > 0 ? capped : config.delay();
            frontier.setDelay(UrlNormalizer.hostKey(url), effective.toNanos());
        });
        return rules;
    }

    /**
     * After the crawl's first robots.txt, when every worker that has a host is waiting out the host's delay before
     * its first page, warms the HTML parser on a thread of its own, so that the first pages are parsed warm. In a
     * fresh JVM the first parse loads and initialises jsoup (over a hundred milliseconds on a small machine); done by
     * the workers, it would keep all of them busy with their first pages when their hosts' second requests are due.
     * Without a delay there is no idle time to use, and the first page's parse is the warm-up.
     */
    private void warmUpParserOnce() {
        if (config.delay().isZero() || parserWarmUp.get() != null) {
            return;
        }
        Thread thread = Thread.ofVirtual().name("crawler-parser-warm-up").unstarted(() -> {
            try {
                extractor.warmUp();
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
                frontier.close();
            }
        });
        if (parserWarmUp.compareAndSet(null, thread)) {
            thread.start();
        }
    }

    private Page errorPage(Frontier.Dispatch dispatch, String url, int status, List<String> chain, String error) {
        return new Page(
                dispatch.url(),
                url,
                status,
                dispatch.depth(),
                null,
                null,
                List.of(),
                Duration.ZERO,
                chain,
                0,
                false,
                error);
    }

    private long backoffNanos(int attempt) {
        long base = config.retryBackoff().toNanos() << Math.min(attempt, 20);
        return (long) (base * (0.5 + ThreadLocalRandom.current().nextDouble()));
    }

    private void journal(List<byte[]> records) {
        if (journal == null || records.isEmpty()) {
            return;
        }
        try {
            journal.append(records);
        } catch (IOException e) {
            failure.compareAndSet(
                    null,
                    new CrawlException(
                            CrawlException.Code.JOURNAL_FAILED, "cannot append to the crawl journal: " + e, e));
            frontier.close();
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /**
     * The request slot a worker holds on one host at a time: given by the frontier with a dispatch, or taken for a
     * redirect hop or a robots.txt fetch, and given back as soon as the response is read. Each request needs a fresh
     * slot, so two requests to one host are always separated by the host's delay. Confined to its worker.
     */
    private final class HostSlot {
        private @Nullable String held;
        private boolean fresh;

        void hold(String hostKey) {
            held = hostKey;
            fresh = true;
        }

        void freshFor(String hostKey) throws InterruptedException {
            if (hostKey.equals(held) && fresh) {
                return;
            }
            release();
            frontier.acquire(hostKey);
            held = hostKey;
            fresh = true;
        }

        /**
         * The request is answered: the host's delay starts now, not after this worker has parsed the page, journaled
         * its links and called back, so the next request to the host is not late by the time all that takes.
         */
        void used() {
            answered(config.ticker().read());
        }

        /** The request is answered but the slot stays held (the next {@link #freshFor} gives it back and waits). */
        void spent() {
            fresh = false;
        }

        /** As {@link #used()}, with the delay counted from {@code answeredAt}, when the response's headers came. */
        void answered(long answeredAt) {
            fresh = false;
            if (held != null) {
                frontier.release(held, answeredAt);
                held = null;
            }
        }

        void release() {
            if (held != null) {
                frontier.release(held);
                held = null;
            }
        }
    }
}
