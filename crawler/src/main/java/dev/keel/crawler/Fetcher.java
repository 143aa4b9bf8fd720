package dev.keel.crawler;

import dev.keel.time.Ticker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP GET with the crawler's limits: a connect timeout, a deadline for the whole response (headers and body),
 * a body size limit, accepted content types, and gzip.
 *
 * <p>How it is designed, and why: {@link HttpClient#sendAsync} with our own {@link LimitedBody} subscriber, and the
 * calling virtual thread waits on the future with the remaining deadline. {@code HttpRequest.timeout} alone covers
 * only the wait for the headers, so a server that sends headers and then drips a body forever would hold a worker;
 * here the deadline covers everything and cancelling the future aborts the exchange. The body handler looks at the
 * status and content type before reading: redirects and unwanted types read no body at all. Redirects are not
 * followed by the client: the crawler follows them itself, so that every hop goes through robots.txt and the
 * politeness schedule. A gzip body is decompressed with the same size limit, so a small compressed bomb cannot
 * expand past it. TLS is set up at the first {@code https} connection, not when the client is built
 * ({@link DeferredTls}).
 *
 * <p>Two clients. For {@code http} URLs the client's own tasks run where they are triggered
 * ({@code executor(Runnable::run)}): the request's first stages on the calling worker's virtual thread, the
 * response's on the client's selector thread, which parses the headers, feeds {@link LimitedBody} (non-blocking, it
 * copies bytes) and completes the future the worker waits on. Handing each task to a new virtual thread instead (as
 * before) cost a thread start, a scheduling hop and a wake-up per task, several per exchange: in a fresh JVM's
 * 20,000-page one-host crawl about a tenth of the JVM's CPU, the JIT's work on those paths included (docs/crawler.md,
 * session 6). TLS needs the hand-off: the engine's delegated tasks (key exchange, certificate checks) must not run
 * on the selector thread, and with a same-thread executor the handshake stalls (the {@code FetcherTest} https test
 * hangs to its connect timeout). So {@code https} URLs go through a second client, built at the first such URL,
 * whose tasks run on virtual threads. There is no {@code HttpRequest.timeout}: the deadline below covers headers and
 * body, and a request timeout would only add a timer registration with the client's selector per request.
 *
 * <p>Thread-safe: the clients are shared by all workers; {@link #close()} shuts them down.
 */
final class Fetcher implements AutoCloseable {

    /**
     * One response, body already read (up to the limit). {@code answeredAt} is the ticker's time when the status
     * line and headers arrived: the server had received the request by then, so a delay counted from it separates
     * the server's view of two requests by at least that delay, without the body transfer on the critical path.
     */
    record Response(
            int status,
            @Nullable String contentType,
            @Nullable Charset charset,
            byte[] body,
            boolean truncated,
            boolean typeAccepted,
            @Nullable String location,
            @Nullable String retryAfter,
            long nanos,
            long answeredAt) {}

    private final Duration connectTimeout;
    /** For {@code http} URLs: the client's tasks run where they are triggered (see the class comment). */
    private final HttpClient plainClient;

    private final Object tlsLock = new Object();
    /** For {@code https} URLs, built at the first one: the client's tasks run on virtual threads. */
    // @GuardedBy("tlsLock")
    private @Nullable HttpClient tlsClient;

    // @GuardedBy("tlsLock")
    private @Nullable ExecutorService tlsExecutor;

    // @GuardedBy("tlsLock")
    private boolean closed;

    private final String userAgent;
    private final long responseTimeoutNanos;
    private final Ticker ticker;

    Fetcher(String userAgent, Duration connectTimeout, Duration responseTimeout, Ticker ticker) {
        this.connectTimeout = connectTimeout;
        this.plainClient = newClient(Runnable::run);
        this.userAgent = userAgent;
        this.responseTimeoutNanos = responseTimeout.toNanos();
        this.ticker = ticker;
    }

    private HttpClient newClient(Executor executor) {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(new DeferredTls())
                .sslParameters(DeferredTls.parameters())
                .executor(executor)
                .build();
    }

    private HttpClient clientFor(String url) throws IOException {
        if (!url.regionMatches(true, 0, "https:", 0, 6)) {
            return plainClient;
        }
        synchronized (tlsLock) {
            if (closed) {
                throw new IOException("the fetcher is closed");
            }
            if (tlsClient == null) {
                tlsExecutor = Executors.newThreadPerTaskExecutor(
                        Thread.ofVirtual().name("crawler-https-", 0).factory());
                tlsClient = newClient(tlsExecutor);
            }
            return tlsClient;
        }
    }

    /**
     * GETs {@code url}; reads the body only for a 2xx whose media type is in {@code acceptedTypes} (all types if
     * empty), at most {@code maxBytes}.
     *
     * @throws IOException for a network failure or the deadline passing ({@link HttpTimeoutException})
     */
    Response get(String url, Set<String> acceptedTypes, long maxBytes) throws IOException, InterruptedException {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url))
                    .header("User-Agent", userAgent)
                    .header("Accept-Encoding", "gzip")
                    .GET()
                    .build();
        } catch (IllegalArgumentException unusable) {
            // A URL our normaliser accepts but the JDK's client does not (a host with '_', say): a failed page, not
            // a failed crawl.
            throw new IOException("the HTTP client cannot request " + url + ": " + unusable.getMessage(), unusable);
        }
        long start = ticker.read();
        boolean[] accepted = {false};
        long[] answeredAt = {0};
        CompletableFuture<HttpResponse<LimitedBody.Content>> future = clientFor(url)
                .sendAsync(request, info -> {
                    answeredAt[0] = ticker.read();
                    String type = mediaType(header(info.headers(), "Content-Type"));
                    boolean success = info.statusCode() >= 200 && info.statusCode() < 300;
                    accepted[0] = success && (acceptedTypes.isEmpty() || type == null || acceptedTypes.contains(type));
                    String length = header(info.headers(), "Content-Length");
                    return new LimitedBody(accepted[0] ? maxBytes : 0, contentLength(length));
                });
        HttpResponse<LimitedBody.Content> response;
        try {
            response = future.get(responseTimeoutNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new HttpTimeoutException("no complete response within " + Duration.ofNanos(responseTimeoutNanos));
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(String.valueOf(cause), cause);
        }
        LimitedBody.Content content = response.body();
        byte[] body = content.bytes();
        boolean truncated = content.truncated();
        HttpHeaders headers = response.headers();
        if ("gzip".equalsIgnoreCase(header(headers, "Content-Encoding")) && body.length > 0) {
            LimitedBody.Content inflated = gunzip(body, maxBytes);
            body = inflated.bytes();
            truncated |= inflated.truncated();
        }
        return new Response(
                response.statusCode(),
                mediaType(header(headers, "Content-Type")),
                charset(header(headers, "Content-Type")),
                body,
                truncated,
                accepted[0],
                header(headers, "Location"),
                header(headers, "Retry-After"),
                ticker.read() - start,
                answeredAt[0]);
    }

    /**
     * The first value of header {@code name}, or null. {@link HttpHeaders#firstValue} builds a stream per call; the
     * map is the same one it reads (its keys compare case-insensitively).
     */
    private static @Nullable String header(HttpHeaders headers, String name) {
        List<String> values = headers.map().get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    /** A {@code Content-Length} value as a size hint: its number, or -1 when absent or not a plain number. */
    static long contentLength(@Nullable String value) {
        if (value == null || value.isEmpty() || value.length() > 18) {
            return -1;
        }
        long length = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            length = length * 10 + (c - '0');
        }
        return length;
    }

    /**
     * The charset a {@code Content-Type} names ({@code UTF-8} from {@code text/html; Charset="utf-8"}), or null when
     * it names none, or one this JVM does not know.
     */
    static @Nullable Charset charset(@Nullable String contentType) {
        if (contentType == null) {
            return null;
        }
        int at = contentType.toLowerCase(Locale.ROOT).indexOf("charset=");
        if (at < 0 || contentType.lastIndexOf(';', at) < 0) {
            return null;
        }
        int end = contentType.indexOf(';', at);
        String name = contentType
                .substring(at + "charset=".length(), end < 0 ? contentType.length() : end)
                .strip();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1);
        }
        try {
            return Charset.isSupported(name) ? Charset.forName(name) : null;
        } catch (IllegalArgumentException illegalName) { // IllegalCharsetNameException, or an empty name
            return null;
        }
    }

    /** {@code text/html} from {@code text/HTML; charset=UTF-8}; null for null or blank. */
    static @Nullable String mediaType(@Nullable String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
        return type.isEmpty() ? null : type;
    }

    /** Decompresses {@code gzipped}, stopping at {@code maxBytes}; a damaged stream keeps what decoded. */
    static LimitedBody.Content gunzip(byte[] gzipped, long maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            while (out.size() < maxBytes) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, maxBytes - out.size()));
                if (read < 0) {
                    return new LimitedBody.Content(out.toByteArray(), false);
                }
                out.write(buffer, 0, read);
            }
            return new LimitedBody.Content(out.toByteArray(), in.read() >= 0);
        } catch (EOFException cutShort) {
            // The compressed body was itself cut at the limit, or the server sent a torn stream.
            return new LimitedBody.Content(out.toByteArray(), true);
        }
    }

    @Override
    public void close() {
        plainClient.shutdownNow();
        synchronized (tlsLock) {
            closed = true;
            if (tlsClient != null && tlsExecutor != null) {
                tlsClient.shutdownNow();
                tlsExecutor.close();
            }
        }
    }
}
