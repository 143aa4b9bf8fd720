package dev.keel.logs.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.keel.logs.Direction;
import dev.keel.logs.IngestResult;
import dev.keel.logs.LiveTail;
import dev.keel.logs.LogAggregator;
import dev.keel.logs.LogEntry;
import dev.keel.logs.LogsException;
import dev.keel.logs.MetricResult;
import dev.keel.logs.ingest.IngestErrors;
import dev.keel.logs.ingest.JsonLineParser;
import dev.keel.logs.ingest.ParseException;
import dev.keel.time.Ticker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The HTTP API (Loki-like), on the JDK's HTTP server with a virtual thread per exchange:
 *
 * <pre>
 * POST /ingest       newline-delimited JSON, one entry per line; 200 only once the batch is durable, with
 *                    {"accepted", "rejected": [{"line", "reason"}]}; 400 if no line was usable, 413 if too large
 * GET  /query        q (log query), start, end (RFC 3339 or epoch ns; default the last hour), limit (default 100),
 *                    direction (backward|forward) -> {"entries": [...], "stats": {...}}
 * GET  /query_range  q (metric query), start, end -> {"resultType": "matrix"|"counts", ...}
 * GET  /tail         q: new matching entries as they arrive, one JSON object per line, until the client leaves
 *                    (or limit entries were sent)
 * GET  /stats        store sizes, listener counters, malformed input with samples
 * </pre>
 *
 * <p>Errors are JSON {@code {"error": CODE, "message"}} with 400 (bad query or parameter), 404, 405, 413 or 500.
 * Thread-safe.
 */
public final class HttpApi implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final LogAggregator aggregator;
    private final IngestErrors errors;
    private final InstantSource clock;
    private final Ticker ticker;
    private final int maxBody;
    private final Supplier<Map<String, Long>> listenerCounters;
    private final Set<CountDownLatch> tails = ConcurrentHashMap.newKeySet();

    public HttpApi(
            LogAggregator aggregator,
            InetSocketAddress address,
            int maxBody,
            IngestErrors errors,
            InstantSource clock,
            Ticker ticker,
            Supplier<Map<String, Long>> listenerCounters)
            throws IOException {
        this.aggregator = aggregator;
        this.errors = errors;
        this.clock = clock;
        this.ticker = ticker;
        this.maxBody = maxBody;
        this.listenerCounters = listenerCounters;
        this.server = HttpServer.create(address, 256);
        this.executor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("keel-logs-http-", 0).factory());
        server.setExecutor(executor);
        server.createContext("/ingest", exchange -> handle(exchange, "POST", this::ingest));
        server.createContext("/query", exchange -> handle(exchange, "GET", this::query));
        server.createContext("/query_range", exchange -> handle(exchange, "GET", this::queryRange));
        server.createContext("/tail", exchange -> handle(exchange, "GET", this::tail));
        server.createContext("/stats", exchange -> handle(exchange, "GET", this::stats));
        server.createContext("/", exchange -> {
            try (exchange) {
                send(
                        exchange,
                        404,
                        JsonOutput.error(
                                "NOT_FOUND",
                                "no such endpoint: " + exchange.getRequestURI().getPath()
                                        + " (expected: /ingest, /query, /query_range, /tail, /stats)"));
            }
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @FunctionalInterface
    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private void handle(HttpExchange exchange, String method, Handler handler) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!path.equals(exchange.getHttpContext().getPath())) {
                send(exchange, 404, JsonOutput.error("NOT_FOUND", "no such endpoint: " + path));
                return;
            }
            if (!exchange.getRequestMethod().equals(method)) {
                exchange.getResponseHeaders().set("Allow", method);
                send(
                        exchange,
                        405,
                        JsonOutput.error(
                                "METHOD_NOT_ALLOWED",
                                exchange.getRequestMethod() + " " + path + " (expected: " + method + ")"));
                return;
            }
            try {
                handler.handle(exchange);
            } catch (IllegalArgumentException e) {
                send(exchange, 400, JsonOutput.error("BAD_REQUEST", e.getMessage()));
            } catch (LogsException e) {
                int status = switch (e.code()) {
                    case BAD_QUERY, BAD_REQUEST -> 400;
                    case CLOSED -> 503;
                    default -> 500;
                };
                send(exchange, status, JsonOutput.error(e.code().name(), e.getMessage()));
            }
        }
    }

    private void ingest(HttpExchange exchange) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null && parseLength(length) > maxBody) {
            send(exchange, 413, JsonOutput.error("TOO_LARGE", "body of " + length + " bytes exceeds " + maxBody));
            return;
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(maxBody + 1);
        }
        if (body.length > maxBody) {
            send(exchange, 413, JsonOutput.error("TOO_LARGE", "body exceeds " + maxBody + " bytes"));
            return;
        }
        Instant received = clock.instant();
        List<LogEntry> entries = new ArrayList<>();
        List<Integer> lineOfEntry = new ArrayList<>();
        var response = JsonOutput.MAPPER.createObjectNode();
        var rejected = response.putArray("rejected");
        int lineNumber = 0;
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new java.io.ByteArrayInputStream(body), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    entries.add(JsonLineParser.parse(line, received));
                    lineOfEntry.add(lineNumber);
                } catch (ParseException e) {
                    errors.record("http", "line " + lineNumber + ": " + e.getMessage(), line);
                    rejected.addObject().put("line", lineNumber).put("reason", e.getMessage());
                }
            }
        }
        IngestResult result = entries.isEmpty() ? new IngestResult(0, List.of()) : aggregator.ingestAll(entries);
        for (IngestResult.Rejection rejection : result.rejected()) {
            rejected.addObject().put("line", lineOfEntry.get(rejection.index())).put("reason", rejection.reason());
        }
        response.put("accepted", result.accepted());
        send(exchange, result.accepted() == 0 && !rejected.isEmpty() ? 400 : 200, response);
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Content-Length '" + value + "' is not a number");
        }
    }

    private void query(HttpExchange exchange) throws IOException {
        QueryParameters params = QueryParameters.of(exchange.getRequestURI());
        Instant end = params.time("end", clock.instant());
        Instant start = params.time("start", end.minus(Duration.ofHours(1)));
        int limit = params.integer("limit", 100, 1, 100_000);
        String direction = params.get("direction");
        long began = ticker.read();
        List<LogEntry> entries = aggregator.query(
                params.require("q"),
                start,
                end,
                limit,
                direction == null ? Direction.BACKWARD : Direction.parse(direction));
        send(exchange, 200, JsonOutput.entries(entries, ticker.read() - began));
    }

    private void queryRange(HttpExchange exchange) throws IOException {
        QueryParameters params = QueryParameters.of(exchange.getRequestURI());
        Instant end = params.time("end", clock.instant());
        Instant start = params.time("start", end.minus(Duration.ofHours(1)));
        long began = ticker.read();
        MetricResult result = aggregator.metric(params.require("q"), start, end);
        send(exchange, 200, JsonOutput.metric(result, ticker.read() - began));
    }

    private void tail(HttpExchange exchange) throws IOException {
        QueryParameters params = QueryParameters.of(exchange.getRequestURI());
        String q = params.require("q");
        int limit = params.integer("limit", Integer.MAX_VALUE, 1, Integer.MAX_VALUE);
        CountDownLatch done = new CountDownLatch(1);
        exchange.getResponseHeaders().set("Content-Type", "application/x-ndjson");
        OutputStream out = exchange.getResponseBody();
        int[] sent = {0};
        exchange.sendResponseHeaders(200, 0);
        out.flush();
        LiveTail tail = aggregator.tail(q, entry -> {
            try {
                synchronized (out) {
                    out.write(JsonOutput.MAPPER.writeValueAsBytes(JsonOutput.entry(entry)));
                    out.write('\n');
                    out.flush();
                }
                if (++sent[0] >= limit) {
                    done.countDown();
                }
            } catch (IOException e) {
                done.countDown(); // the client went away
            }
        });
        try {
            tails.add(done);
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            tails.remove(done);
            tail.close();
        }
    }

    private void stats(HttpExchange exchange) throws IOException {
        send(exchange, 200, JsonOutput.stats(aggregator.stats(), errors, listenerCounters.get()));
    }

    private static void send(HttpExchange exchange, int status, Object json) throws IOException {
        byte[] bytes = JsonOutput.MAPPER.writeValueAsBytes(json);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        for (CountDownLatch tail : tails) {
            tail.countDown();
        }
        server.stop(1);
        executor.close();
    }
}
