package dev.keel.bench.crawler;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * The benchmark's web: {@code hosts} sites on 127.0.0.1 (one port each), {@code pages} pages per site. Page i links to
 * pages 2i+1 and 2i+2 (so every page is reachable from /p0 within log2(pages) links) and to page (7i+3) mod pages
 * (a cross link, so the crawler also meets URLs it has seen); each page is about 2 KB of HTML. robots.txt is a 404.
 * Served by the JDK's HttpServer on virtual threads.
 */
final class BenchSite implements AutoCloseable {

    private static final String FILLER =
            "<p>" + "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(28) + "</p>";

    private final List<HttpServer> servers = new ArrayList<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final int pages;
    private final int fanout;
    private final LongAdder requests = new LongAdder();
    /** Arrival times (System.nanoTime) of the requests to each site, by port: the politeness the sites saw. */
    private final Map<Integer, List<Long>> arrivals = new ConcurrentHashMap<>();

    BenchSite(int hosts, int pages) throws IOException {
        this(hosts, pages, 0);
    }

    /**
     * With {@code fanout} F > 0, page i links instead to pages iF+1 ... iF+F, all new: a crawl that fetches n pages has
     * discovered about nF URLs, which is how the scale run reaches a million discovered URLs in 20,000 fetches.
     */
    BenchSite(int hosts, int pages, int fanout) throws IOException {
        this.pages = pages;
        this.fanout = fanout;
        for (int i = 0; i < hosts; i++) {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
            server.setExecutor(executor);
            server.createContext("/", this::serve);
            server.start();
            servers.add(server);
        }
    }

    /** Every site's first page. */
    List<String> seeds() {
        return servers.stream()
                .map(server -> "http://127.0.0.1:" + server.getAddress().getPort() + "/p0")
                .toList();
    }

    /** Pages that exist across all sites: what a complete crawl visits. */
    int totalPages() {
        return pages * servers.size();
    }

    /**
     * Requests up to {@code count} pages of every site (each page once, in order) over plain sockets, so that the
     * servers' code is loaded and compiled before a measured crawl: neither crawler pays for warming the sites.
     * The sockets are {@link java.net.Socket}s, not either crawler's HTTP client, so no crawler is warmed by it.
     */
    void warmUp(int count) throws IOException {
        for (HttpServer server : servers) {
            int port = server.getAddress().getPort();
            for (int page = 0; page < Math.min(count, pages); page++) {
                try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    socket.getOutputStream()
                            .write(("GET /p" + page + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                                    .getBytes(StandardCharsets.US_ASCII));
                    socket.getInputStream().transferTo(OutputStream.nullOutputStream());
                }
            }
        }
        meanGapNanosAndClear();
        requests.reset();
    }

    long requests() {
        return requests.sum();
    }

    /** When the first request since the last {@link #meanGapNanosAndClear} arrived ({@link System#nanoTime}). */
    long firstArrivalNanos() {
        long first = Long.MAX_VALUE;
        for (List<Long> times : arrivals.values()) {
            synchronized (times) {
                for (long time : times) {
                    first = Math.min(first, time);
                }
            }
        }
        return first;
    }

    /**
     * How many requests the sites received in each {@code bucketNanos} since {@code fromNanos} ({@link System#nanoTime}),
     * since the last {@link #meanGapNanosAndClear}: the crawl's rate over its course, as the sites saw it.
     */
    List<Integer> arrivalsPer(long fromNanos, long bucketNanos) {
        List<Integer> counts = new ArrayList<>();
        for (List<Long> times : arrivals.values()) {
            synchronized (times) {
                for (long time : times) {
                    int bucket = (int) Math.max(0, (time - fromNanos) / bucketNanos);
                    while (counts.size() <= bucket) {
                        counts.add(0);
                    }
                    counts.set(bucket, counts.get(bucket) + 1);
                }
            }
        }
        return counts;
    }

    /**
     * The mean time between two consecutive requests to one site, over all sites, in nanoseconds, since the last
     * call (which clears the record). With a per-host delay d the ideal is d; what exceeds it is time a host's
     * politeness slot stood idle. NaN when no site got two requests.
     */
    double meanGapNanosAndClear() {
        long gaps = 0;
        long sum = 0;
        for (List<Long> times : arrivals.values()) {
            synchronized (times) {
                List<Long> sorted = times.stream().sorted().toList();
                for (int i = 1; i < sorted.size(); i++) {
                    sum += sorted.get(i) - sorted.get(i - 1);
                    gaps++;
                }
            }
        }
        arrivals.clear();
        return gaps == 0 ? Double.NaN : (double) sum / gaps;
    }

    private void serve(HttpExchange exchange) throws IOException {
        requests.increment();
        List<Long> times = arrivals.computeIfAbsent(exchange.getLocalAddress().getPort(), port -> new ArrayList<>());
        synchronized (times) {
            times.add(System.nanoTime());
        }
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            int page = path.startsWith("/p") ? parse(path.substring(2)) : -1;
            if (page < 0 || page >= pages) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            StringBuilder html = new StringBuilder(2400)
                    .append("<html><head><title>page ")
                    .append(page)
                    .append("</title></head><body>");
            for (long link : links(page)) {
                if (link < pages) {
                    html.append("<a href=\"/p")
                            .append(link)
                            .append("\">page ")
                            .append(link)
                            .append("</a> ");
                }
            }
            byte[] body =
                    html.append(FILLER).append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private long[] links(int page) {
        if (fanout == 0) {
            return new long[] {2L * page + 1, 2L * page + 2, (7L * page + 3) % pages};
        }
        long[] links = new long[fanout];
        for (int i = 0; i < fanout; i++) {
            links[i] = (long) page * fanout + i + 1;
        }
        return links;
    }

    private static int parse(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        servers.forEach(server -> server.stop(0));
        executor.shutdownNow();
    }
}
