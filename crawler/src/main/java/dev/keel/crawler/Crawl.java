package dev.keel.crawler;

import java.util.List;

/**
 * A crawl running in the background, from {@link WebCrawler#start}: watch it with {@link #progress()}, end it with
 * {@link #stop()}, collect it with {@link #await()}.
 *
 * <p>Thread-safe: {@code progress} and {@code stop} may be called from any thread (a progress printer, a Ctrl-C
 * hook) while another awaits.
 */
public final class Crawl implements AutoCloseable {

    private final CrawlRun run;

    Crawl(CrawlRun run) {
        this.run = run;
    }

    /** A snapshot of the crawl's counters. */
    public CrawlProgress progress() {
        return run.progress();
    }

    /**
     * Ends the crawl early: queued URLs are dropped, fetches in flight are abandoned, the journal (if any) keeps
     * everything needed to resume. Returns at once; {@link #await()} returns when the workers have stopped.
     */
    public void stop() {
        run.stop();
    }

    /**
     * Waits for the crawl to end (the frontier drained, a limit reached, or {@link #stop()}) and returns the pages
     * fetched, in the order they finished (empty if the crawler does not keep pages).
     *
     * @throws CrawlException if the crawl failed, or with {@link CrawlException.Code#INTERRUPTED} if this thread was
     *     interrupted (the crawl is then stopped, and the interrupt status kept)
     */
    public List<Page> await() {
        try {
            return run.await();
        } catch (InterruptedException e) {
            run.stop();
            Thread.currentThread().interrupt();
            throw new CrawlException(CrawlException.Code.INTERRUPTED, "interrupted while waiting for the crawl", e);
        }
    }

    /** Stops the crawl if it is still running and waits for its workers. */
    @Override
    public void close() {
        run.stop();
        try {
            run.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (CrawlException alreadyReported) {
            // await() reported it to whoever collected the crawl; closing must not throw it a second time.
        }
    }
}
