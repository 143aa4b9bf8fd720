package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class BankCommandTest {

    private record Run(int exitCode, String out, String err) {}

    @TempDir
    Path dir;

    private static Run keel(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit =
                KeelCommand.run(SystemCatalog.landed(), new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void serve_thenVerify_seesTheTransfersMadeOverHttp() throws Exception {
        StringWriter out = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread serving = Thread.ofPlatform()
                .name("bank-serve-under-test")
                .start(() -> exit.set(KeelCommand.run(
                        SystemCatalog.landed(),
                        new PrintWriter(out, true),
                        new PrintWriter(new StringWriter(), true),
                        "bank",
                        "serve",
                        "--port",
                        "0",
                        "--dir",
                        dir.toString())));
        Pattern listening = Pattern.compile("on http://[^ ]*:(\\d+) ");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> listening.matcher(out.toString()).find());
        Matcher port = listening.matcher(out.toString());
        assertThat(port.find()).isTrue();
        String base = "http://127.0.0.1:" + port.group(1);
        assertThat(post(
                        base + "/accounts",
                        "{\"id\":\"a\",\"currency\":\"EUR\",\"owner\":\"A\",\"initialBalance\":\"9.00\"}"))
                .isEqualTo(201);
        assertThat(post(base + "/accounts", "{\"id\":\"b\",\"currency\":\"EUR\",\"owner\":\"B\"}"))
                .isEqualTo(201);
        assertThat(post(
                        base + "/transfers",
                        "{\"id\":\"t\",\"from\":\"a\",\"to\":\"b\",\"amount\":\"2.50\"," + "\"currency\":\"EUR\"}"))
                .isEqualTo(201);
        serving.interrupt();
        serving.join(30_000);
        assertThat(exit.get()).isZero();
        assertThat(out.toString()).contains("keel bank: stopped");

        Run verify = keel("bank", "verify", "--dir", dir.toString());
        assertThat(verify.exitCode()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("hash chain: intact", "3 accounts, 2 transfers, the books balance", "OK");
    }

    @Test
    void verify_noLedger_isAUsageError() {
        Run run = keel("bank", "verify", "--dir", dir.resolve("nothing").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no ledger at --dir");
    }

    @Test
    void demo_runsTheTour() {
        Run run = keel("demo", "bank");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("alice.getBalance() -> USD 800.00, bob.getBalance() -> USD 700.00")
                .contains("INSUFFICIENT_FUNDS", "EXISTS (the original", "EXISTS_WITH_DIFFERENT_AMOUNT")
                .contains("PENDING_ALREADY_POSTED", "ok=true", "-> OK, hash chain head");
    }

    private static int post(String url, String body) throws Exception {
        HttpURLConnection connection =
                (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(30_000);
        try (OutputStream request = connection.getOutputStream()) {
            request.write(body.getBytes(StandardCharsets.UTF_8));
        }
        int status = connection.getResponseCode();
        try (InputStream reply = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            reply.readAllBytes();
        }
        return status;
    }
}
