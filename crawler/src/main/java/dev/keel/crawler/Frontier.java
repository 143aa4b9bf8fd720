package dev.keel.crawler;

import dev.keel.time.Ticker;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The URLs waiting to be fetched, one queue per host, and the politeness schedule that says when each host may be
 * asked again.
 *
 * <p>How it is designed, and why. Politeness is per host: each {@link HostQueue} has a {@code nextAllowed} time and
 * a count of requests in flight, capped. Hosts that have work they may start are in a heap ordered by
 * {@code nextAllowed}; a worker takes the earliest host, and if that host is not due yet it waits on a condition
 * for exactly the time left (or until something changes), <em>without holding the lock</em>. crawler4j does the
 * opposite: one global lock held while a worker sleeps out the delay, so all hosts together get one request per
 * delay (10 pages/s at 100 ms, whatever the number of hosts). Here 20 hosts at 100 ms give 200 pages/s. The lock is
 * held only for heap and queue operations (O(log hosts)); fetching, parsing, robots and waiting all happen outside
 * it. A lock per host was considered and rejected: the choice "which host is due next" is inherently global, and a
 * concurrent skip list of hosts would need the same compare-and-reinsert dance for every delay change.
 *
 * <p>A slot's delay starts when its request was answered ({@link #release(String, long)}): the worker gives the slot
 * back as soon as the response is read and parses the page afterwards, so a host's period is the delay plus the
 * request's round trip, not plus the crawler's work on the page.
 *
 * <p>Heap entries are immutable snapshots ({@code at}, host, stamp); when a host's {@code nextAllowed} changes it is
 * pushed again with a new stamp and the stale entry is skipped when it surfaces (lazy deletion), so the heap order is
 * never corrupted by mutating a key in place.
 *
 * <p>Breadth-first by depth, exactly: URLs of depth d+1 are dispatched only when every URL of depth d has finished,
 * so a page's depth is its shortest link distance from a seed and the visited set under a depth limit is the same
 * however threads interleave. The cost is that at each level boundary workers wait for the slowest fetch of that
 * level (bounded by the response timeout). Page limits ({@code maxPages} in total and per host) are reserved at
 * dispatch and given back if the dispatch ends without a page (robots forbade it, a duplicate redirect target, a
 * retry), so the limit is never exceeded.
 *
 * <p>Time is read from the injected {@link Ticker}; waiting is a timed condition wait, so tests of politeness use the
 * system ticker and assert measured gaps at the server.
 *
 * <p>Thread-safe: every method takes the one {@code lock}; none blocks while holding it except in condition waits.
 */
final class Frontier {

    /** A URL handed to a worker, with the host slot it holds. */
    record Dispatch(String url, int depth, String hostKey, int attempt) {}

    /** One queued URL. */
    private record Pending(String url, int depth, int attempt) {}

    /** A host's place in the schedule; {@code stamp} tells a live entry from a stale one. */
    private record Due(long at, HostQueue host, long stamp) {}

    /** One host's queue and politeness state; guarded by the frontier's lock. */
    private static final class HostQueue {
        final String key;
        final ArrayDeque<Pending> queue = new ArrayDeque<>();
        long nextAllowed;
        long delayNanos;
        /** The delay without adaptive back-off: the configured one or the site's Crawl-delay. */
        long baseDelayNanos;

        int active;
        long pages;
        long stamp;
        boolean scheduled;

        HostQueue(String key, long now, long delayNanos) {
            this.key = key;
            this.nextAllowed = now;
            this.delayNanos = delayNanos;
            this.baseDelayNanos = delayNanos;
        }
    }

    /** The least delay a host gets after a 429 or 503 (when its own delay is shorter). */
    static final long MIN_BACKOFF_NANOS = 250_000_000L;

    private final Ticker ticker;
    private final long defaultDelayNanos;
    private final int perHostCap;
    private final long maxPages;
    private final long maxPagesPerHost;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    // @GuardedBy("lock")
    private final Map<String, HostQueue> hosts = new HashMap<>();
    // @GuardedBy("lock")
    private final PriorityQueue<Due> due = new PriorityQueue<>((a, b) -> Long.compare(a.at() - b.at(), 0));
    // @GuardedBy("lock"): depth -> URLs queued at that depth
    private final TreeMap<Integer, Long> queuedByDepth = new TreeMap<>();
    // @GuardedBy("lock")
    private int currentDepth;
    // @GuardedBy("lock")
    private long queued;
    // @GuardedBy("lock")
    private long inFlight;
    // @GuardedBy("lock"): pages fetched plus pages reserved by dispatches in flight
    private long pagesReserved;
    // @GuardedBy("lock")
    private boolean closed;
    // @GuardedBy("lock"): the one worker waiting for the earliest due time; null when none is
    private @Nullable Thread timer;
    // @GuardedBy("lock"): when the timer wakes up by itself
    private long timerDeadline;

    Frontier(Ticker ticker, long defaultDelayNanos, int perHostCap, long maxPages, long maxPagesPerHost) {
        this.ticker = ticker;
        this.defaultDelayNanos = defaultDelayNanos;
        this.perHostCap = perHostCap;
        this.maxPages = maxPages;
        this.maxPagesPerHost = maxPagesPerHost;
    }

    /** Queues {@code url} (already normalised, in scope and new to the seen set) at {@code depth}. */
    void offer(String url, int depth) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            HostQueue host = host(UrlNormalizer.hostKey(url));
            host.queue.addLast(new Pending(url, depth, 0));
            queued++;
            queuedByDepth.merge(depth, 1L, Long::sum);
            if (queued == 1 && inFlight == 0) {
                currentDepth = queuedByDepth.firstKey();
            }
            schedule(host);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Counts pages fetched by an earlier run of a resumed crawl against the limits. */
    void countEarlierPage(String url) {
        lock.lock();
        try {
            pagesReserved++;
            host(UrlNormalizer.hostKey(url)).pages++;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next URL a worker may fetch now, holding a request slot on its host; waits until one is due. Returns null
     * when the crawl is over: nothing queued and nothing in flight, the page limit reached, or {@link #close()}.
     */
    @Nullable
    Dispatch next() throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                if (closed) {
                    return null;
                }
                if (pagesReserved >= maxPages) {
                    if (inFlight == 0) {
                        dropEverything();
                        return null;
                    }
                    changed.await();
                    continue;
                }
                advanceDepthIfLevelDone();
                if (queued == 0 && inFlight == 0) {
                    changed.signalAll();
                    return null;
                }
                Due first = due.peek();
                if (first == null) {
                    changed.await();
                    continue;
                }
                HostQueue host = first.host();
                if (first.stamp() != host.stamp || !eligible(host)) {
                    due.poll();
                    if (first.stamp() == host.stamp) {
                        host.scheduled = false;
                    }
                    continue;
                }
                long wait = first.at() - ticker.read();
                if (wait > 0) {
                    awaitDue(wait);
                    continue;
                }
                due.poll();
                host.scheduled = false;
                if (host.pages >= maxPagesPerHost) {
                    dropQueue(host);
                    continue;
                }
                Pending pending = host.queue.pollFirst();
                dequeued(pending);
                host.pages++;
                pagesReserved++;
                inFlight++;
                occupy(host);
                schedule(host); // a host that allows several requests at once stays in the schedule
                return new Dispatch(pending.url(), pending.depth(), host.key, pending.attempt());
            }
        } finally {
            Due head = due.peek();
            if (head != null && (timer == null || head.at() - timerDeadline < 0)) {
                // Elect a timer for the next due host, or wake the timer for a host due before its deadline.
                changed.signalAll();
            }
            lock.unlock();
        }
    }

    /**
     * Waits for the earliest due host, {@code nanos} from now. Only one worker (the timer) waits with that deadline;
     * the others wait until something changes. Without this, every idle worker woke at every due time and contended
     * for the lock to find that one of them had taken the host: 20 wake-ups for one dispatch, on a loaded machine
     * all delaying the one that matters. Now the timer dispatches first and only then wakes the others to elect the
     * next timer ({@link #next()}'s {@code finally}), which also wakes the timer when a host becomes due before its
     * deadline; every other change signals all waiters as before (the leader-follower scheme of
     * {@link java.util.concurrent.DelayQueue}).
     */
    private void awaitDue(long nanos) throws InterruptedException {
        if (timer != null) {
            changed.await();
            return;
        }
        Thread self = Thread.currentThread();
        timer = self;
        timerDeadline = ticker.read() + nanos;
        try {
            changed.awaitNanos(nanos);
        } finally {
            if (timer == self) {
                timer = null;
            }
        }
    }

    /**
     * Takes a request slot on {@code hostKey} for a request outside the queue (a redirect hop, robots.txt), waiting
     * for the host's delay and concurrency cap. The caller must {@link #release} it.
     */
    void acquire(String hostKey) throws InterruptedException {
        lock.lock();
        try {
            HostQueue host = host(hostKey);
            while (true) {
                long wait = host.nextAllowed - ticker.read();
                if (host.active < perHostCap && wait <= 0) {
                    occupy(host);
                    return;
                }
                if (wait > 0) {
                    changed.awaitNanos(wait);
                } else {
                    changed.await();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Gives back a request slot on {@code hostKey}: the host's next request comes at least its delay from now. */
    void release(String hostKey) {
        release(hostKey, ticker.read());
    }

    /**
     * Gives back a request slot on {@code hostKey} whose request was answered at {@code answeredAt} (ticker time):
     * the host's next request comes at least its delay after that.
     */
    void release(String hostKey, long answeredAt) {
        lock.lock();
        try {
            HostQueue host = host(hostKey);
            host.active--;
            host.nextAllowed = latest(host.nextAllowed, answeredAt + host.delayNanos);
            reschedule(host);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Ends a dispatch; {@code pageFetched} false gives back its page reservation. */
    void complete(Dispatch dispatch, boolean pageFetched) {
        lock.lock();
        try {
            inFlight--;
            if (!pageFetched) {
                pagesReserved--;
                host(dispatch.hostKey()).pages--;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Ends a dispatch by queueing its URL again at the head of its host, not before {@code backoffNanos} from now. */
    void retry(Dispatch dispatch, long backoffNanos) {
        lock.lock();
        try {
            inFlight--;
            pagesReserved--;
            HostQueue host = host(dispatch.hostKey());
            host.pages--;
            if (closed) {
                return;
            }
            host.queue.addFirst(new Pending(dispatch.url(), dispatch.depth(), dispatch.attempt() + 1));
            queued++;
            queuedByDepth.merge(dispatch.depth(), 1L, Long::sum);
            host.nextAllowed = latest(host.nextAllowed, ticker.read() + backoffNanos);
            reschedule(host);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Sets {@code hostKey}'s delay between requests (from its robots.txt Crawl-delay). */
    void setDelay(String hostKey, long delayNanos) {
        lock.lock();
        try {
            HostQueue host = host(hostKey);
            host.delayNanos = delayNanos;
            host.baseDelayNanos = delayNanos;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Adaptive back-off after a 429 or 503: doubles {@code hostKey}'s delay (to at least {@link #MIN_BACKOFF_NANOS}),
     * up to {@code capNanos} or its base delay if that is larger. {@link #speedUp} undoes it step by step.
     */
    void slowDown(String hostKey, long capNanos) {
        lock.lock();
        try {
            HostQueue host = host(hostKey);
            long doubled = Math.max(
                    MIN_BACKOFF_NANOS, host.delayNanos > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : host.delayNanos * 2);
            host.delayNanos = Math.min(doubled, Math.max(capNanos, host.baseDelayNanos));
        } finally {
            lock.unlock();
        }
    }

    /** After a success: a backed-off delay comes down by a quarter, never below the host's base delay. */
    void speedUp(String hostKey) {
        lock.lock();
        try {
            HostQueue host = host(hostKey);
            if (host.delayNanos > host.baseDelayNanos) {
                host.delayNanos = Math.max(host.baseDelayNanos, host.delayNanos - host.delayNanos / 4);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Pushes {@code hostKey}'s next request to at least {@code nanos} from now (a 429's Retry-After). */
    void backOff(String hostKey, long nanos) {
        lock.lock();
        try {
            HostQueue host = host(hostKey);
            host.nextAllowed = latest(host.nextAllowed, ticker.read() + nanos);
            reschedule(host);
        } finally {
            lock.unlock();
        }
    }

    /** Stops the frontier: queued URLs are dropped and every waiting worker gets null. */
    void close() {
        lock.lock();
        try {
            closed = true;
            dropEverything();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    long queued() {
        lock.lock();
        try {
            return queued;
        } finally {
            lock.unlock();
        }
    }

    long inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }

    /** Pages fetched or being fetched, including an earlier run's. */
    long pagesReserved() {
        lock.lock();
        try {
            return pagesReserved;
        } finally {
            lock.unlock();
        }
    }

    private HostQueue host(String hostKey) {
        return hosts.computeIfAbsent(hostKey, key -> new HostQueue(key, ticker.read(), defaultDelayNanos));
    }

    private void occupy(HostQueue host) {
        host.active++;
        // Start-to-start spacing, for hosts that allow several requests at once; release() adds end-to-start.
        host.nextAllowed = latest(host.nextAllowed, ticker.read() + host.delayNanos);
    }

    private boolean eligible(HostQueue host) {
        Pending head = host.queue.peekFirst();
        return head != null && head.depth() == currentDepth && host.active < perHostCap;
    }

    private void schedule(HostQueue host) {
        if (!host.scheduled && eligible(host)) {
            host.stamp++;
            host.scheduled = true;
            due.add(new Due(host.nextAllowed, host, host.stamp));
        }
    }

    private void reschedule(HostQueue host) {
        host.scheduled = false;
        host.stamp++;
        schedule(host);
    }

    private void dequeued(Pending pending) {
        queued--;
        queuedByDepth.merge(pending.depth(), -1L, (a, b) -> a + b == 0 ? null : a + b);
    }

    private void dropQueue(HostQueue host) {
        Pending pending;
        while ((pending = host.queue.pollFirst()) != null) {
            dequeued(pending);
        }
    }

    private void advanceDepthIfLevelDone() {
        if (inFlight > 0 || queued == 0 || queuedByDepth.containsKey(currentDepth)) {
            return;
        }
        currentDepth = queuedByDepth.firstKey();
        for (HostQueue host : hosts.values()) {
            schedule(host);
        }
    }

    private void dropEverything() {
        for (HostQueue host : hosts.values()) {
            host.queue.clear();
            host.scheduled = false;
            host.stamp++;
        }
        due.clear();
        queuedByDepth.clear();
        queued = 0;
    }

    private static long latest(long a, long b) {
        return a - b >= 0 ? a : b;
    }

    @Override
    public String toString() {
        lock.lock();
        try {
            return "Frontier[" + hosts.size() + " hosts, " + queued + " queued, " + inFlight + " in flight, depth "
                    + currentDepth + "]";
        } finally {
            lock.unlock();
        }
    }
}
