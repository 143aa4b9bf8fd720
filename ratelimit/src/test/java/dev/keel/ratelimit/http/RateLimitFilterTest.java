package dev.keel.ratelimit.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.keel.ratelimit.Algorithm;
import dev.keel.ratelimit.KeyedRateLimiter;
import dev.keel.ratelimit.Limit;
import dev.keel.ratelimit.RateLimiter;
import dev.keel.testing.FreePorts;
import dev.keel.testing.ManualTicker;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The filter over a real socket on 127.0.0.1, with the JDK's HTTP client; time is a manual clock. */
final class RateLimitFilterTest {

    private final ManualTicker ticker = ManualTicker.create();
    private final AtomicInteger handled = new AtomicInteger();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private HttpServer server;

    /** What the client saw: the status, the headers the test reads, the body. */
    private record Response(int statusCode, Map<String, List<String>> headers, String body) {
        /** The first value of header {@code name}, matched without case (the JDK's server writes "Ratelimit"). */
        Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey() != null && entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().getFirst())
                    .findFirst();
        }
    }

    @BeforeEach
    void start() throws IOException {
        KeyedRateLimiter<String> limiter = RateLimiter.builder(Algorithm.GCRA)
                .limit(Limit.of(2, Duration.ofMinutes(1)))
                .ticker(ticker)
                .buildKeyed();
        server = HttpServer.create(new InetSocketAddress(FreePorts.loopback(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/api", exchange -> {
                    handled.incrementAndGet();
                    byte[] body = "ok\n".getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                })
                .getFilters()
                .add(new RateLimitFilter(limiter, RequestKey.header("X-Api-Key")));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        executor.close();
    }

    private Response get(String apiKey) throws IOException {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/things");
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(5_000);
        if (apiKey != null) {
            connection.setRequestProperty("X-Api-Key", apiKey);
        }
        try {
            int status = connection.getResponseCode();
            try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                return new Response(
                        status, connection.getHeaderFields(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } finally {
            connection.disconnect();
        }
    }

    @Test
    void requests_overTheLimit_get429WithRetryAfterAndRateLimitHeaders() throws IOException {
        Response first = get("alice");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.header("RateLimit-Policy")).hasValue("\"default\";q=2;w=60");
        assertThat(first.header("RateLimit")).hasValue("\"default\";r=1;t=30");
        assertThat(get("alice").header("RateLimit")).hasValue("\"default\";r=0;t=60");

        Response rejected = get("alice");
        assertThat(rejected.statusCode()).isEqualTo(429);
        assertThat(rejected.header("Retry-After")).hasValue("30");
        assertThat(rejected.header("RateLimit")).hasValue("\"default\";r=0;t=60");
        assertThat(rejected.body()).isEqualTo("429 Too Many Requests: retry after 30 s\n");
        assertThat(handled.get())
                .as("the handler never saw the rejected request")
                .isEqualTo(2);

        assertThat(get("bob").statusCode()).as("another key").isEqualTo(200);
        ticker.advance(Duration.ofSeconds(30));
        assertThat(get("alice").statusCode()).isEqualTo(200);
    }

    @Test
    void requests_withoutTheHeader_areLimitedByClientAddress() throws IOException {
        assertThat(get(null).statusCode()).isEqualTo(200);
        assertThat(get(null).statusCode()).isEqualTo(200);
        assertThat(get(null).statusCode()).isEqualTo(429);
        assertThat(get("carol").statusCode()).isEqualTo(200);
    }

    @Test
    void policy_fractionalRefill_roundsUpToWholeSeconds() {
        assertThat(RateLimitFilter.policy(Limit.perSecond(10).withBurst(5))).isEqualTo("\"default\";q=5;w=1");
        assertThat(RateLimitFilter.policy(Limit.of(100, Duration.ofMinutes(1)))).isEqualTo("\"default\";q=100;w=60");
    }
}
