package dev.keel.bench.kv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One redis-benchmark run as a child process: its arguments (without the port, which {@link #run} adds), and its
 * {@code --csv} output parsed per command. Immutable.
 *
 * @param tests redis-benchmark's {@code -t} value, such as {@code set,get}
 * @param requests {@code -n}, requests per test
 * @param keyspace {@code -r}, the number of distinct random keys
 * @param clients {@code -c}, concurrent connections
 * @param pipeline {@code -P}, requests in flight per connection
 */
record RedisBenchmark(String tests, int requests, int keyspace, int clients, int pipeline) {

    private static final long TIMEOUT_MINUTES = 10;

    /** The measured figures of one command (one CSV row), latencies in milliseconds as redis-benchmark reports them. */
    record Result(String command, double rps, double p50Ms, double p99Ms) {}

    /** The same run with {@code requests} instead. */
    RedisBenchmark withRequests(int count) {
        return new RedisBenchmark(tests, count, keyspace, clients, pipeline);
    }

    /** The arguments after {@code -p PORT}, as the report shows them. */
    List<String> arguments() {
        return List.of(
                "-t",
                tests,
                "-n",
                Integer.toString(requests),
                "-r",
                Integer.toString(keyspace),
                "-c",
                Integer.toString(clients),
                "-P",
                Integer.toString(pipeline),
                "--csv");
    }

    /** The command line for {@code port}, for the report. */
    String commandLine(String port) {
        return "redis-benchmark -h 127.0.0.1 -p " + port + " " + String.join(" ", arguments());
    }

    /** Runs it against 127.0.0.1:{@code port}; returns the results by command, in redis-benchmark's order. */
    Map<String, Result> run(Path redisBenchmark, int port) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of(redisBenchmark.toString(), "-h", "127.0.0.1", "-p", Integer.toString(port)));
        command.addAll(arguments());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try {
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                throw new IOException("redis-benchmark did not finish in " + TIMEOUT_MINUTES + " minutes");
            }
        } finally {
            process.destroyForcibly();
        }
        if (process.exitValue() != 0) {
            throw new IOException("redis-benchmark exited with status " + process.exitValue() + ": " + output);
        }
        Map<String, Result> results = parse(output);
        for (String test : tests.split(",", -1)) {
            if (!results.containsKey(test.toUpperCase(java.util.Locale.ROOT))) {
                throw new IOException("redis-benchmark printed no result for " + test + ": " + output);
            }
        }
        return results;
    }

    /**
     * The rows of redis-benchmark 7's {@code --csv} output: a header {@code "test","rps","avg_latency_ms",
     * "min_latency_ms","p50_latency_ms","p95_latency_ms","p99_latency_ms","max_latency_ms"}, then one row per test.
     * Other lines (warnings) are skipped; columns are found by the header's names.
     */
    static Map<String, Result> parse(String output) throws IOException {
        Map<String, Result> results = new LinkedHashMap<>();
        List<String> header = List.of();
        for (String raw : output.split("\\R")) {
            String line = raw.strip();
            if (!line.startsWith("\"")) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (String cell : line.split(",", -1)) {
                cells.add(cell.strip().replace("\"", ""));
            }
            if (cells.getFirst().equals("test")) {
                header = cells;
                continue;
            }
            int rps = header.indexOf("rps");
            int p50 = header.indexOf("p50_latency_ms");
            int p99 = header.indexOf("p99_latency_ms");
            if (rps < 0 || p50 < 0 || p99 < 0 || cells.size() != header.size()) {
                throw new IOException("unexpected redis-benchmark CSV (header " + header + "): " + line);
            }
            try {
                results.put(
                        cells.getFirst(),
                        new Result(
                                cells.getFirst(),
                                Double.parseDouble(cells.get(rps)),
                                Double.parseDouble(cells.get(p50)),
                                Double.parseDouble(cells.get(p99))));
            } catch (NumberFormatException e) {
                throw new IOException("unparsable redis-benchmark CSV row: " + line, e);
            }
        }
        return results;
    }
}
