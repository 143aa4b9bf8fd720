package dev.keel.bench.bank;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A private PostgreSQL cluster for one benchmark run: {@code initdb} in a scratch directory, {@code pg_ctl start} on a
 * free port of 127.0.0.1 with {@code fsync=on} and {@code synchronous_commit=on} (a commit returns after its WAL is
 * flushed: the same promise keel makes), stopped and deleted at the end. PostgreSQL refuses to run as root, so under
 * root every command runs as the {@code postgres} user through {@code runuser}. Also runs {@code pgbench} against it.
 *
 * <p>Not thread-safe: started, used and stopped by the harness's thread (JDBC clients connect on their own).
 */
final class PostgresCluster implements AutoCloseable {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    private final Path bin;
    private final Path data;
    private final int port;
    private final List<String> runAs;
    private boolean pgbenchInitialised;

    private PostgresCluster(Path bin, Path data, int port, List<String> runAs) {
        this.bin = bin;
        this.data = data;
        this.port = port;
        this.runAs = runAs;
    }

    static PostgresCluster start(Path scratch) throws IOException, InterruptedException {
        Path bin = Path.of(run(List.of("pg_config", "--bindir")).strip());
        if (!Files.isExecutable(bin.resolve("initdb"))) {
            bin = Path.of("/usr/lib/postgresql/15/bin");
        }
        List<String> runAs =
                "root".equals(System.getProperty("user.name")) ? List.of("runuser", "-u", "postgres", "--") : List.of();
        Path home = Files.createDirectories(scratch.resolve("postgres"));
        if (!runAs.isEmpty()) {
            run(List.of("chown", "-R", "postgres", scratch.toString()));
        }
        Path data = home.resolve("data");
        int port;
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            port = socket.getLocalPort();
        }
        PostgresCluster cluster = new PostgresCluster(bin, data, port, runAs);
        cluster.pg(List.of(
                bin.resolve("initdb").toString(),
                "-D",
                data.toString(),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8"));
        cluster.pg(List.of(
                bin.resolve("pg_ctl").toString(),
                "-D",
                data.toString(),
                "-l",
                home.resolve("server.log").toString(),
                "-w",
                "-o",
                "-p " + port + " -k " + home + " -c listen_addresses=127.0.0.1 -c fsync=on"
                        + " -c synchronous_commit=on -c max_connections=300 -c shared_buffers=256MB",
                "start"));
        return cluster;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    String version() throws IOException, InterruptedException {
        return run(List.of(bin.resolve("postgres").toString(), "--version")).strip();
    }

    /** {@code pgbench -b tpcb-like} with {@code clients} clients for {@code seconds}; returns its TPS. */
    double pgbench(int clients, int seconds) throws IOException, InterruptedException {
        List<String> connect = List.of("-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "postgres");
        if (!pgbenchInitialised) {
            List<String> init = new ArrayList<>(List.of(bin.resolve("pgbench").toString(), "-i", "-q", "-s", "10"));
            init.addAll(connect);
            init.add("postgres");
            pg(init);
            pgbenchInitialised = true;
        }
        List<String> command = new ArrayList<>(List.of(
                bin.resolve("pgbench").toString(),
                "-b",
                "tpcb-like",
                "-c",
                String.valueOf(clients),
                "-j",
                "2",
                "-T",
                String.valueOf(seconds)));
        command.addAll(connect);
        command.add("postgres");
        String output = pg(command);
        Matcher tps = TPS.matcher(output);
        if (!tps.find()) {
            throw new IOException("pgbench printed no TPS:\n" + output);
        }
        return Double.parseDouble(tps.group(1));
    }

    private String pg(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(runAs);
        full.addAll(command);
        return run(full);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    @Override
    public void close() throws IOException {
        try {
            pg(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping PostgreSQL in " + data, e);
        }
    }
}
