package dev.keel.bench.bank;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * keel's ledger as a server: {@code BankServerProcess} in its own JVM (as {@code keel bank serve} runs), driven over
 * HTTP/1.1 on 127.0.0.1 by the same load generator as the databases, one keep-alive connection per client thread
 * ({@link RawHttpConnection}: the JDK's {@code HttpClient} cost the 2-core machine more CPU than the server did, so it
 * measured the client), {@code POST /transfers} with a JSON body per transfer; a 201 is an applied transfer.
 *
 * <p>The target owns the child process and kills it at close. Each client is confined to its thread.
 */
final class HttpTarget implements TransferTarget {

    private final Process server;
    private final URI base;

    HttpTarget(Path directory) throws IOException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // -Dkeel.bank.serverJvmOptions="..." passes options to the server's JVM (a profiler, a heap size).
        String extra = System.getProperty("keel.bank.serverJvmOptions", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of(
                "-cp", System.getProperty("java.class.path"), BankServerProcess.class.getName(), directory.toString()));
        this.server = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader output =
                new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line = output.readLine();
        while (line != null && !line.startsWith("port ")) {
            line = output.readLine(); // a profiler's banner, say
        }
        if (line == null) {
            server.destroyForcibly();
            throw new IOException("the bank server process did not start: " + line);
        }
        this.base = URI.create("http://127.0.0.1:" + line.substring(5).strip());
    }

    @Override
    public String name() {
        return "keel over HTTP (own process)";
    }

    @Override
    public void setUp(int accounts) throws Exception {
        try (HttpClient client = newHttpClient()) {
            for (int i = 0; i < accounts; i++) {
                int status = post(
                        client,
                        "/accounts",
                        "{\"id\":\"a" + i + "\",\"currency\":\"USD\",\"owner\":\"o\","
                                + "\"initialBalance\":\"10000000000.00\"}");
                if (status != 201 && status != 200) {
                    throw new IOException("POST /accounts for a" + i + " answered " + status);
                }
            }
        }
    }

    @Override
    public Client newClient() throws IOException {
        RawHttpConnection connection = new RawHttpConnection(base.getHost(), base.getPort());
        return new Client() {
            @Override
            public boolean transfer(String id, int from, int to, long amount) throws IOException {
                String body = "{\"id\":\"" + id + "\",\"from\":\"a" + from + "\",\"to\":\"a" + to + "\",\"amount\":\""
                        + (amount / 100) + "." + (amount % 100 < 10 ? "0" : "") + (amount % 100)
                        + "\",\"currency\":\"USD\",\"reference\":\"bench\"}";
                int status = connection.post("/transfers", body);
                if (status >= 500) {
                    throw new IOException("POST /transfers answered " + status);
                }
                return status == 201;
            }

            @Override
            public void close() throws java.sql.SQLException {
                try {
                    connection.close();
                } catch (IOException e) {
                    throw new java.sql.SQLException("closing the connection failed", e);
                }
            }
        };
    }

    private static HttpClient newHttpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    private int post(HttpClient client, String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Override
    public void close() throws IOException {
        server.destroy(); // SIGTERM, so that a profiler given in keel.bank.serverJvmOptions writes its recording
        try {
            if (!server.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                server.destroyForcibly();
                server.waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the bank server process", e);
        }
    }
}
