package dev.keel.bank.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.bank.BankingSystem;
import dev.keel.testing.ManualTicker;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP API over real sockets on 127.0.0.1: every route, the exact statuses and error bodies, bad input. */
final class BankServerTest {

    private final ManualTicker clock = ManualTicker.create();
    private BankingSystem bank;
    private BankServer server;

    @BeforeEach
    void start() throws IOException {
        bank = BankingSystem.inMemory(clock);
        server = BankServer.start(bank, BankServerOptions.loopback(0).withMaxBodyBytes(64 * 1024));
        assertThat(call(
                                "POST",
                                "/accounts",
                                "{\"id\":\"alice\",\"currency\":\"USD\",\"owner\":\"Alice\","
                                        + "\"initialBalance\":\"1000.00\"}")
                        .status)
                .isEqualTo(201);
        call(
                "POST",
                "/accounts",
                "{\"id\":\"bob\",\"currency\":\"USD\",\"owner\":\"Bob\",\"initialBalance\":\"500.00\"}");
        clock.advance(Duration.ofSeconds(1));
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        bank.close();
    }

    record Reply(int status, JsonNode json) {
        String error() {
            return json.path("error").path("code").asText();
        }
    }

    /** One request over a real connection (HttpURLConnection: java.base, so no extra module is needed). */
    private Reply call(String method, String path, String body) {
        try {
            HttpURLConnection connection = (HttpURLConnection)
                    URI.create("http://127.0.0.1:" + server.address().getPort() + path)
                            .toURL()
                            .openConnection();
            connection.setConnectTimeout(10_000);
            connection.setReadTimeout(30_000);
            connection.setRequestMethod(method);
            if (body != null) {
                connection.setDoOutput(true);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body.getBytes(StandardCharsets.UTF_8));
                }
            }
            int status = connection.getResponseCode();
            assertThat(connection.getHeaderField("Content-Type")).isEqualTo("application/json");
            InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            try (stream) {
                return new Reply(status, JsonBodies.MAPPER.readTree(stream.readAllBytes()));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String transfer(String id, String amount) {
        return "{\"id\":\"" + id + "\",\"from\":\"alice\",\"to\":\"bob\",\"amount\":\"" + amount
                + "\",\"currency\":\"USD\",\"reference\":\"Payment\"}";
    }

    @Test
    void accounts_createRepeatConflictGet() {
        String carol = "{\"id\":\"carol\",\"currency\":\"USD\",\"owner\":\"Carol\",\"initialBalance\":\"10.00\"}";
        assertThat(call("POST", "/accounts", carol).status).isEqualTo(201);
        assertThat(call("POST", "/accounts", carol).status).isEqualTo(200);
        Reply conflict = call("POST", "/accounts", carol.replace("10.00", "11.00"));
        assertThat(conflict.status).isEqualTo(409);
        assertThat(conflict.error()).isEqualTo("EXISTS_WITH_DIFFERENT_INITIAL_BALANCE");
        Reply alice = call("GET", "/accounts/alice", null);
        assertThat(alice.status).isEqualTo(200);
        assertThat(alice.json.toString())
                .isEqualTo("{\"id\":\"alice\",\"currency\":\"USD\",\"owner\":\"Alice\",\"posted\":\"1000.00\","
                        + "\"pending\":\"0.00\",\"available\":\"1000.00\",\"closed\":false}");
        Reply missing = call("GET", "/accounts/nobody", null);
        assertThat(missing.status).isEqualTo(404);
        assertThat(missing.error()).isEqualTo("ACCOUNT_NOT_FOUND");
    }

    @Test
    void transfers_createResubmitConflictAndBusinessRules() {
        Reply created = call("POST", "/transfers", transfer("t-1", "200.00"));
        assertThat(created.status).isEqualTo(201);
        assertThat(created.json.get("result").asText()).isEqualTo("OK");
        assertThat(created.json.get("amount").asText()).isEqualTo("200.00");
        Reply again = call("POST", "/transfers", transfer("t-1", "200.00"));
        assertThat(again.status).isEqualTo(200);
        assertThat(again.json.get("result").asText()).isEqualTo("EXISTS");
        assertThat(again.json.get("createdAt")).isEqualTo(created.json.get("createdAt"));
        Reply conflict = call("POST", "/transfers", transfer("t-1", "201.00"));
        assertThat(conflict.status).isEqualTo(409);
        assertThat(conflict.error()).isEqualTo("EXISTS_WITH_DIFFERENT_AMOUNT");
        Reply poor = call("POST", "/transfers", transfer("t-2", "900.00"));
        assertThat(poor.status).isEqualTo(422);
        assertThat(poor.error()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(poor.json.path("error").path("message").asText()).isNotBlank();
        Reply nobody = call("POST", "/transfers", transfer("t-3", "1.00").replace("\"bob\"", "\"nobody\""));
        assertThat(nobody.status).isEqualTo(404);
        assertThat(nobody.error()).isEqualTo("CREDIT_ACCOUNT_NOT_FOUND");
        assertThat(call("GET", "/transfers/t-1", null).json.get("status").asText())
                .isEqualTo("POSTED");
        assertThat(call("GET", "/transfers/t-9", null).status).isEqualTo(404);
        assertThat(call("GET", "/accounts/alice", null).json.get("posted").asText())
                .isEqualTo("800.00");
    }

    @Test
    void holds_postInPart_void_andResolvedAgainIs409WithItsCode() {
        String hold = transfer("h-1", "300.00").replace("}", ",\"pending\":true,\"timeout\":\"PT1H\"}");
        assertThat(call("POST", "/transfers", hold).status).isEqualTo(201);
        Reply alice = call("GET", "/accounts/alice", null);
        assertThat(alice.json.get("available").asText()).isEqualTo("700.00");
        assertThat(alice.json.get("pending").asText()).isEqualTo("-300.00");
        Reply posted = call("POST", "/transfers/h-1/post", "{\"amount\":\"100.00\"}");
        assertThat(posted.status).isEqualTo(200);
        assertThat(posted.json.get("posted").asText()).isEqualTo("100.00");
        Reply twice = call("POST", "/transfers/h-1/post", null);
        assertThat(twice.status).isEqualTo(409);
        assertThat(twice.error()).isEqualTo("PENDING_ALREADY_POSTED");
        assertThat(call("POST", "/transfers/h-1/void", null).error()).isEqualTo("PENDING_ALREADY_POSTED");
        call("POST", "/transfers", hold.replace("h-1", "h-2"));
        assertThat(call("POST", "/transfers/h-2/void", null).status).isEqualTo(200);
        assertThat(call("POST", "/transfers/h-2/void", null).error()).isEqualTo("PENDING_ALREADY_VOIDED");
        assertThat(call("POST", "/transfers/nope/post", null).status).isEqualTo(404);
        assertThat(call("GET", "/accounts/alice", null).json.get("available").asText())
                .isEqualTo("900.00");
    }

    @Test
    void batch_linked_allOrNothing_andIndependent() {
        String chain =
                "{\"linked\":true,\"transfers\":[" + transfer("c-1", "1.00") + "," + transfer("c-2", "5000.00") + "]}";
        Reply failed = call("POST", "/transfers/batch", chain);
        assertThat(failed.status).isEqualTo(422);
        assertThat(failed.error()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(failed.json.get("failedIndex").asInt()).isEqualTo(1);
        assertThat(failed.json.get("results").get(0).get("result").asText()).isEqualTo("LINKED_EVENT_FAILED");
        assertThat(call("GET", "/transfers/c-1", null).status).isEqualTo(404);
        Reply independent = call("POST", "/transfers/batch", chain.replace("true", "false"));
        assertThat(independent.status).isEqualTo(200);
        assertThat(independent.json.get("results").get(0).get("result").asText())
                .isEqualTo("OK");
        assertThat(independent.json.get("results").get(1).get("result").asText())
                .isEqualTo("INSUFFICIENT_FUNDS");
    }

    @Test
    void statementAndAudit() {
        for (int i = 0; i < 3; i++) {
            call("POST", "/transfers", transfer("s-" + i, "1.00"));
        }
        Reply page = call("GET", "/accounts/alice/statement?limit=2&after=1", null);
        assertThat(page.status).isEqualTo(200);
        assertThat(page.json.get("lines").size()).isEqualTo(2);
        assertThat(page.json.get("lines").get(1).get("balance").asText()).isEqualTo("998.00");
        assertThat(page.json.get("next").asLong()).isEqualTo(3);
        assertThat(call("GET", "/accounts/alice/statement?limit=0", null).error())
                .isEqualTo("INVALID_PARAMETER");
        Reply audit = call("GET", "/audit", null);
        assertThat(audit.json.get("ok").asBoolean()).isTrue();
        assertThat(audit.json.get("violations").size()).isZero();
    }

    @Test
    void badInput_is400WithTheFieldNamed_andChangesNothing() {
        assertThat(call("POST", "/transfers", "{\"id\":").error()).isEqualTo("MALFORMED_JSON");
        assertThat(call("POST", "/transfers", "[1,2]").error()).isEqualTo("MALFORMED_JSON");
        assertThat(call("POST", "/transfers", "").error()).isEqualTo("MALFORMED_JSON");
        assertThat(call("POST", "/transfers", transfer("x", "1.00") + "{}").error())
                .isEqualTo("MALFORMED_JSON");
        Reply number = call("POST", "/transfers", transfer("x", "1.00").replace("\"1.00\"", "1.00"));
        assertThat(number.status).isEqualTo(400);
        assertThat(number.error()).isEqualTo("INVALID_AMOUNT");
        assertThat(number.json.path("error").path("message").asText()).contains("not the JSON number 1.0");
        Reply unknown = call("POST", "/transfers", transfer("x", "1.00").replace("\"reference\"", "\"referense\""));
        assertThat(unknown.error()).isEqualTo("UNKNOWN_FIELD");
        assertThat(unknown.json.path("error").path("message").asText()).contains("'referense'");
        assertThat(call("POST", "/transfers", transfer("x", "1.001")).error()).isEqualTo("INVALID_AMOUNT");
        assertThat(call("POST", "/transfers", transfer("x", "1.00").replace("\"USD\"", "\"XYZ\""))
                        .error())
                .isEqualTo("INVALID_FIELD");
        assertThat(call("POST", "/transfers", transfer("x", "1.00").replace("\"id\":\"x\",", ""))
                        .error())
                .isEqualTo("MISSING_FIELD");
        assertThat(call(
                                "POST",
                                "/transfers",
                                transfer("x", "1.00")
                                        .replace("\"from\":\"alice\",", "\"from\":" + "\"alice\",\"from\":\"bob\","))
                        .error())
                .isEqualTo("MALFORMED_JSON");
        assertThat(call("POST", "/transfers", transfer("x", "0.00")).error()).isEqualTo("AMOUNT_MUST_BE_POSITIVE");
        assertThat(call("POST", "/transfers", transfer("x y", "1.00")).error()).isEqualTo("ID_INVALID");
        assertThat(call("DELETE", "/accounts/alice", null).status).isEqualTo(405);
        assertThat(call("GET", "/nowhere", null).status).isEqualTo(404);
        Reply huge = call("POST", "/transfers", "{\"id\":\"" + "x".repeat(100_000) + "\"}");
        assertThat(huge.status).isEqualTo(413);
        assertThat(huge.error()).isEqualTo("BODY_TOO_LARGE");
        assertThat(call("GET", "/accounts/alice", null).json.get("posted").asText())
                .isEqualTo("1000.00");
        assertThat(call("GET", "/audit", null).json.get("ok").asBoolean()).isTrue();
    }

    @Test
    void garbageOnTheSocket_closesThatConnection_andTheServerKeepsServing() throws IOException {
        try (Socket socket =
                new Socket(server.address().getAddress(), server.address().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("\u0000\u0001GARBAGE\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            in.readAllBytes(); // the server answers 400 or just closes; either way the connection ends
        }
        try (Socket socket =
                new Socket(server.address().getAddress(), server.address().getPort())) {
            socket.setSoTimeout(10_000);
            String body = transfer("raw-1", "1.00");
            socket.getOutputStream()
                    .write(("POST /transfers HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999\r\n\r\n" + body)
                            .getBytes(StandardCharsets.UTF_8));
            String reply = new String(socket.getInputStream().readNBytes(12), StandardCharsets.UTF_8);
            assertThat(reply).isEqualTo("HTTP/1.1 413");
        }
        assertThat(call("GET", "/audit", null).status).isEqualTo(200);
    }
}
