package dev.keel.bank.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.bank.BankOptions;
import dev.keel.bank.BankingSystem;
import dev.keel.testing.FaultyDisk;
import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** When the disk fails under the ledger, the server answers 503 with the code, and keeps answering (never hangs). */
@ExtendWith(SeedExtension.class)
final class BankServerFailureTest {

    @TempDir
    Path dir;

    @Test
    void logFailed_requestsAre503WithTheCode_andTheServerStaysUp(SeededRandom random) throws Exception {
        FaultyDisk disk = FaultyDisk.create(random);
        BankingSystem bank = BankingSystem.open(
                BankOptions.builder(dir).channelOpener(disk::open).build());
        try (BankServer server = BankServer.start(bank, BankServerOptions.loopback(0))) {
            String base = "http://127.0.0.1:" + server.address().getPort();
            assertThat(post(base + "/accounts", "{\"id\":\"a\",\"currency\":\"USD\",\"owner\":\"A\"}"))
                    .startsWith("201 ");
            disk.cutPower(FaultyDisk.CrashMode.LOSE_UNSYNCED);
            assertThat(post(base + "/accounts", "{\"id\":\"b\",\"currency\":\"USD\",\"owner\":\"B\"}"))
                    .startsWith("503 ")
                    .contains("\"code\":\"LOG_FAILED\"");
            assertThat(post(base + "/accounts", "{\"id\":\"c\",\"currency\":\"USD\",\"owner\":\"C\"}"))
                    .startsWith("503 ");
            assertThat(post(base + "/accounts", "{\"id\":")).startsWith("400 ");
        } finally {
            try {
                bank.close();
            } catch (IOException expected) {
                // Closing forces the log, which the power cut has made impossible.
                assertThat(expected).hasMessageContaining("power cut");
            }
        }
    }

    private static String post(String url, String body) throws IOException {
        HttpURLConnection connection =
                (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(30_000);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body.getBytes(StandardCharsets.UTF_8));
        }
        int status = connection.getResponseCode();
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            return status + " " + new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
