package dev.keel.bench.logs;

import dev.keel.bench.MachineDescription;
import dev.keel.bench.MarkdownTable;
import dev.keel.bench.Report;
import dev.keel.bench.ScratchDirectory;
import dev.keel.time.Ticker;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * JSON lines over HTTP: {@code --clients} concurrent clients (default 4) each POST {@code --batches} batches of
 * {@code --lines} newline-delimited JSON entries (messages of about 200 bytes) to {@code keel logs serve}'s
 * {@code /ingest}, each waiting for its 200 (sent once the batch is durable) before the next. No peer: Loki is not
 * installable here; this is keel's own number. Rate = entries / wall time; every response's accepted count is
 * checked.
 *
 * <p>Run: {@code ./keel bench run dev.keel.bench.logs.LogsHttpIngestHarness --batches 100 --out
 * bench/results/logs-http-ingest.md}.
 */
public final class LogsHttpIngestHarness {

    private LogsHttpIngestHarness() {}

    public static void main(String[] args) throws Exception {
        int clients = 4;
        int batches = 100;
        int lines = 1000;
        Optional<Path> out = Optional.empty();
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--clients" -> clients = Integer.parseInt(args[i + 1]);
                case "--batches" -> batches = Integer.parseInt(args[i + 1]);
                case "--lines" -> lines = Integer.parseInt(args[i + 1]);
                case "--out" -> out = Optional.of(Path.of(args[i + 1]));
                default ->
                    throw new IllegalArgumentException("unknown option " + args[i]
                            + " (expected --clients N, --batches N, --lines N, --out FILE)");
            }
        }
        Ticker ticker = Ticker.system();
        try (Report report = Report.toStandardStreams("LogsHttpIngestHarness", out, ticker);
                ScratchDirectory scratch = ScratchDirectory.create("keel-logs-http")) {
            report.line("# JSON lines over HTTP: keel logs serve");
            report.line("");
            report.line(String.format(
                    Locale.ROOT,
                    "%d clients x %d POST /ingest of %d JSON lines each (durability"
                            + " SYNC: each answered once durable), 127.0.0.1.",
                    clients,
                    batches,
                    lines));
            report.line("");
            report.lines(MachineDescription.probe(scratch.path(), InstantSource.system(), List.of())
                    .markdownLines());
            report.line("");
            String load = LogsIngestHarness.loadAverage();
            MarkdownTable table =
                    new MarkdownTable(1, "target", "entries/s", "accepted / sent", "seconds", "load (1 min) before");
            try (IngestTarget.Keel keel =
                    new IngestTarget.Keel(Files.createDirectories(scratch.path().resolve("keel")), "SYNC")) {
                int perClient = batches;
                int perBatch = lines;
                long start = ticker.read();
                long accepted = 0;
                try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
                    List<Future<Long>> futures = new ArrayList<>();
                    for (int c = 0; c < clients; c++) {
                        int client = c;
                        futures.add(pool.submit(() -> post(keel.httpPort(), client, perClient, perBatch)));
                    }
                    for (Future<Long> future : futures) {
                        accepted += future.get(10, TimeUnit.MINUTES);
                    }
                }
                double seconds = (ticker.read() - start) / 1e9;
                long sent = (long) clients * batches * lines;
                table.row(
                        "keel (SYNC)",
                        String.format(Locale.ROOT, "%,.0f", sent / seconds),
                        accepted + " / " + sent,
                        String.format(Locale.ROOT, "%.2f", seconds),
                        load);
            }
            report.lines(table.lines());
        }
    }

    private static long post(int port, int client, int batches, int lines) throws IOException {
        long accepted = 0;
        for (int b = 0; b < batches; b++) {
            StringBuilder body = new StringBuilder(lines * 260);
            for (int i = 0; i < lines; i++) {
                int n = b * lines + i;
                body.append("{\"timestamp\":\"2026-11-28T10:00:00.")
                        .append(String.format(Locale.ROOT, "%09d", n % 1_000_000_000))
                        .append("Z\",\"level\":\"info\",\"source\":\"client")
                        .append(client)
                        .append("\",\"labels\":{\"env\":\"prod\"},\"message\":\"request ")
                        .append(n)
                        .append(" handled for user-")
                        .append(n % 977)
                        .append(" path=/api/v1/orders/")
                        .append(n * 31 % 100_000)
                        .append(" status=200 bytes=")
                        .append(n % 5000)
                        .append(
                                " xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\",\"status\":200}\n");
            }
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            HttpURLConnection connection = (HttpURLConnection)
                    URI.create("http://127.0.0.1:" + port + "/ingest").toURL().openConnection();
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(bytes.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(bytes);
            }
            if (connection.getResponseCode() != 200) {
                throw new IOException("POST /ingest answered " + connection.getResponseCode());
            }
            try (InputStream in = connection.getInputStream()) {
                String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                int at = response.indexOf("\"accepted\":");
                accepted += Long.parseLong(response.substring(at + 11).replaceAll("[^0-9].*$", ""));
            }
            connection.disconnect();
        }
        return accepted;
    }
}
