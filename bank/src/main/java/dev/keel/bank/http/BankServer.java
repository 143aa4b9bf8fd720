package dev.keel.bank.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.keel.bank.BankException;
import dev.keel.bank.BankingSystem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The ledger over HTTP with JSON bodies, on the JDK's {@link HttpServer}, one virtual thread per exchange.
 *
 * <pre>
 * POST /accounts                      {"id","currency","owner","initialBalance"}   201 | 200 same again | 409 conflict
 * GET  /accounts/{id}                 {"id","currency","owner","posted","pending","available","closed"}
 * GET  /accounts/{id}/statement?limit=&amp;after=
 * POST /transfers                     {"id","from","to","amount","currency","reference"[,"pending","timeout"]}
 *                                     201 | 200 with "result":"EXISTS" | 4xx with the result code
 * POST /transfers/{id}/post           [{"amount"}]      POST /transfers/{id}/void
 * POST /transfers/batch               {"linked":true|false,"transfers":[...]}
 * GET  /transfers/{id}                GET /audit -&gt; {"ok","violations":[...]}
 * </pre>
 *
 * <p>Errors are {@code {"error":{"code":"INSUFFICIENT_FUNDS","message":"..."}}}: 400 malformed JSON, a missing,
 * unknown or mistyped field (a JSON number as an amount included), 404 an unknown account, transfer or route, 405 a
 * wrong method, 409 an id conflict or a resolved hold, 413 a body over the limit, 422 a business rule. A 500 means a
 * bug or a failed disk; its message is logged, not sent. Bad input never changes state and never stops the server.
 * A response is sent only after the ledger answered, so a 201 means the transfer is on disk.
 *
 * <p>Thread-safe. {@link #close()} stops accepting, waits briefly for exchanges in flight, and closes the executor;
 * it does not close the {@code BankingSystem}, which the caller owns.
 */
public final class BankServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(BankServer.class.getName());

    private final HttpServer server;
    private final ExecutorService executor;
    private final BankApi api;
    private final int maxBodyBytes;
    private final CountDownLatch closed = new CountDownLatch(1);

    private BankServer(HttpServer server, ExecutorService executor, BankApi api, int maxBodyBytes) {
        this.server = server;
        this.executor = executor;
        this.api = api;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Starts serving {@code bank} as {@code options} say. */
    public static BankServer start(BankingSystem bank, BankServerOptions options) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(options.bindAddress(), options.port()), 1_024);
        ExecutorService executor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("keel-bank-http-", 0).factory());
        BankServer bankServer = new BankServer(server, executor, new BankApi(bank), options.maxBodyBytes());
        server.createContext("/", bankServer::exchange);
        server.setExecutor(executor);
        server.start();
        return bankServer;
    }

    /** The address and port the server listens on. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Blocks until {@link #close()} has run. */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            BankApi.Response response;
            try {
                byte[] body = readBody(exchange);
                response = api.handle(
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().getRawPath(),
                        exchange.getRequestURI().getRawQuery(),
                        body);
            } catch (ApiError e) {
                response = new BankApi.Response(e.status(), JsonViews.error(e.code(), e.getMessage()));
            } catch (BankException e) {
                LOG.log(System.Logger.Level.ERROR, "request failed: " + e.getMessage(), e);
                response = new BankApi.Response(
                        503, JsonViews.error(e.code().name(), "the ledger cannot serve requests: " + e.code()));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "request failed with a bug", e);
                response = new BankApi.Response(500, JsonViews.error("INTERNAL", "internal error"));
            }
            send(exchange, response.status(), response.body());
        }
    }

    private byte[] readBody(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > maxBodyBytes) {
                    throw tooLarge();
                }
            } catch (NumberFormatException e) {
                throw ApiError.badRequest("MALFORMED_REQUEST", "Content-Length '" + declared + "' is not a number");
            }
        }
        InputStream in = exchange.getRequestBody();
        byte[] body = in.readNBytes(maxBodyBytes + 1);
        if (body.length > maxBodyBytes) {
            throw tooLarge();
        }
        return Arrays.copyOf(body, body.length);
    }

    private ApiError tooLarge() {
        return new ApiError(413, "BODY_TOO_LARGE", "the body exceeds " + maxBodyBytes + " bytes");
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes;
        try {
            bytes = JsonBodies.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a JSON tree always serialises", e);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (status == 413) {
            exchange.getResponseHeaders().set("Connection", "close");
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops the server (exchanges in flight get up to a second) and its threads. Idempotent. */
    @Override
    public void close() {
        if (closed.getCount() == 0) {
            return;
        }
        server.stop(1);
        executor.close();
        closed.countDown();
    }
}
