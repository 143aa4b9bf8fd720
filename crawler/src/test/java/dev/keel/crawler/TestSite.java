package dev.keel.crawler;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A web site served on 127.0.0.1 by the JDK's HttpServer for a test: pages, robots.txt and custom handlers, with a
 * record of every request (path and {@code System.nanoTime()} on arrival).
 */
final class TestSite implements AutoCloseable {

    /** A request the site received. */
    record Request(String path, long nanos) {}

    /** Answers one request. */
    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    private final List<Request> requests = new ArrayList<>();

    private TestSite(InetAddress address) throws IOException {
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server = HttpServer.create(new InetSocketAddress(address, 0), 64);
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    static TestSite start() throws IOException {
        return new TestSite(InetAddress.getLoopbackAddress());
    }

    /** The site's origin, {@code http://127.0.0.1:port}. */
    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String url(String path) {
        return origin() + path;
    }

    TestSite page(String path, String html) {
        return handle(path, exchange -> respond(exchange, 200, "text/html; charset=utf-8", html));
    }

    /** A page whose body links to {@code links} (paths or URLs). */
    TestSite linking(String path, String... links) {
        StringBuilder html = new StringBuilder("<html><head><title>" + path + "</title></head><body>");
        for (String link : links) {
            html.append("<a href=\"").append(link).append("\">").append(link).append("</a>\n");
        }
        return page(path, html.append("</body></html>").toString());
    }

    TestSite robots(String body) {
        return handle("/robots.txt", exchange -> respond(exchange, 200, "text/plain", body));
    }

    TestSite handle(String path, Handler handler) {
        handlers.put(path, handler);
        return this;
    }

    /** Every request so far, in arrival order. */
    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The paths requested so far, in arrival order (with repeats). */
    List<String> paths() {
        return requests().stream().map(Request::path).toList();
    }

    static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void redirect(HttpExchange exchange, int status, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        String full = query == null ? path : path + "?" + query;
        synchronized (requests) {
            requests.add(new Request(full, System.nanoTime()));
        }
        Handler handler = handlers.getOrDefault(full, handlers.get(path));
        try (exchange) {
            if (handler == null) {
                respond(exchange, 404, "text/plain", "not found: " + full);
            } else {
                handler.handle(exchange);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
