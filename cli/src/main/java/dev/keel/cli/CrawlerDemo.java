package dev.keel.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.keel.crawler.Page;
import dev.keel.crawler.WebCrawler;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The crawler's tour: a small site served by the demo itself on 127.0.0.1, with a robots.txt that forbids one folder
 * and a slow page; the crawl's pages, then what the server saw (no request into the forbidden folder).
 */
final class CrawlerDemo {

    private static final Map<String, String> SITE = Map.of(
            "/", page("Home", "/about", "/blog/", "/private/salaries", "/slow"),
            "/about", page("About us", "/", "/private/plans"),
            "/blog/", page("Blog", "/blog/first", "/blog/second"),
            "/blog/first", page("First post", "/blog/second", "/private/drafts"),
            "/blog/second", page("Second post", "/blog/"),
            "/slow", page("A slow page (300 ms)", "/"),
            "/private/salaries", page("Salaries", "/"),
            "/private/plans", page("Plans", "/"),
            "/private/drafts", page("Drafts", "/"));

    private final PrintWriter out;
    private final List<String> requests = new ArrayList<>();

    CrawlerDemo(PrintWriter out) {
        this.out = out;
    }

    void run() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            server.setExecutor(executor);
            server.createContext("/", this::serve);
            server.start();
            try {
                tour("http://127.0.0.1:" + server.getAddress().getPort());
            } finally {
                server.stop(0);
            }
        }
    }

    private void tour(String origin) {
        out.println("A site on " + origin + ": 9 pages; robots.txt says 'Disallow: /private/'; /slow takes 300 ms.");
        out.println("new WebCrawler(3, 5) with a 50 ms per-host delay: crawl(\"" + origin + "/\")");
        out.flush();
        WebCrawler crawler = WebCrawler.builder()
                .maxDepth(3)
                .workers(5)
                .delay(Duration.ofMillis(50))
                .onPage(page -> {
                    synchronized (out) {
                        out.println("  " + CrawlCommand.describe(page));
                        out.flush();
                    }
                })
                .build();
        long start = System.nanoTime();
        List<Page> pages = crawler.crawl(origin + "/");
        long millis = (System.nanoTime() - start) / 1_000_000;
        out.println("Crawled " + pages.size() + " pages in " + millis + " ms.");
        List<String> seen;
        synchronized (requests) {
            seen = List.copyOf(requests);
        }
        out.println("The server saw " + seen.size() + " requests: " + String.join(" ", seen));
        long forbidden =
                seen.stream().filter(path -> path.startsWith("/private/")).count();
        out.println("Requests into /private/ (forbidden by robots.txt): " + forbidden);
        out.flush();
        if (forbidden != 0 || pages.size() != 6) {
            throw new IllegalStateException(
                    "the crawl should fetch the 6 public pages and nothing under /private/: " + seen);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        synchronized (requests) {
            requests.add(path);
        }
        try (exchange) {
            if (path.equals("/robots.txt")) {
                respond(exchange, 200, "text/plain", "User-agent: *\nDisallow: /private/\n");
                return;
            }
            if (path.equals("/slow")) {
                try {
                    Thread.sleep(300); // the slow page of the demo site
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            String html = SITE.get(path);
            if (html == null) {
                respond(exchange, 404, "text/plain", "not found");
            } else {
                respond(exchange, 200, "text/html; charset=utf-8", html);
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream stream = exchange.getResponseBody()) {
            stream.write(bytes);
        }
    }

    private static String page(String title, String... links) {
        StringBuilder html = new StringBuilder("<html><head><title>" + title + "</title></head><body>");
        for (String link : links) {
            html.append("<a href=\"").append(link).append("\">").append(link).append("</a> ");
        }
        return html.append("</body></html>").toString();
    }
}
