package dev.keel.bench.chat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An IRC server in a child process on 127.0.0.1 (keel's {@code keel chat serve --flood off} or Debian's ngIRCd with
 * penalties off), with its CPU time read from {@code /proc/PID/stat}. Not thread-safe.
 */
final class ServerProcess implements AutoCloseable {

    /** Linux's {@code CLK_TCK}: /proc reports CPU time in these. */
    private static final long TICKS_PER_SECOND = 100;

    final String name;
    final int port;
    private final Process process;

    private ServerProcess(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /**
     * keel's server with a 512 MB heap, {@code extraJvmArgs} (a JFR recording, say) before {@code -jar} and
     * {@code serveArgs} (say {@code --write-coalescing 5}) after {@code chat serve}.
     */
    static ServerProcess keel(Path keelJar, List<String> extraJvmArgs, List<String> serveArgs, int port, Path log)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m"));
        command.addAll(extraJvmArgs);
        command.addAll(List.of(
                "-jar", keelJar.toString(), "chat", "serve", "--port", Integer.toString(port), "--flood", "off"));
        command.addAll(serveArgs);
        return start("keel", port, command, log);
    }

    /** ngIRCd with {@code MaxPenaltyTime = 0} (no flood penalties), no DNS/ident lookups, no connection limits. */
    static ServerProcess ngircd(Path directory, int port, Path log) throws IOException {
        Path config = directory.resolve("ngircd.conf");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "[Global]",
                        "Name = irc.ngircd.local",
                        "Info = benchmark peer",
                        "Listen = 127.0.0.1",
                        "Ports = " + port,
                        "MotdPhrase = benchmark",
                        "[Limits]",
                        "MaxConnections = 0",
                        "MaxConnectionsIP = 0",
                        "MaxJoins = 0",
                        "MaxPenaltyTime = 0",
                        "PingTimeout = 600",
                        "PongTimeout = 600",
                        "[Options]",
                        "DNS = no",
                        "Ident = no",
                        "PAM = no",
                        ""),
                StandardCharsets.UTF_8);
        return start("ngIRCd", port, List.of("ngircd", "--nodaemon", "--config", config.toString()), log);
    }

    private static ServerProcess start(String name, int port, List<String> command, Path log) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return new ServerProcess(name, port, process);
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IOException(name + " exited at start; see " + log);
                }
                process.onExit()
                        .completeOnTimeout(null, 50, TimeUnit.MILLISECONDS)
                        .join();
            }
        }
        process.destroyForcibly();
        throw new IOException(name + " did not listen on port " + port + " within 30 s; see " + log);
    }

    /** The server's user plus system CPU time so far, in microseconds. */
    long cpuMicros() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1_000_000 / TICKS_PER_SECOND;
    }

    /**
     * The server's read and write system calls so far ({@code syscr + syscw} of {@code /proc/PID/io}, which count
     * {@code read} and {@code write} on sockets too): how often it enters the kernel per message.
     */
    long ioSyscalls() throws IOException {
        long sum = 0;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "io"))) {
            if (line.startsWith("syscr:") || line.startsWith("syscw:")) {
                sum += Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
            }
        }
        return sum;
    }

    /** The server's resident set size now, in KiB ({@code VmRSS} of {@code /proc/PID/status}). */
    long rssKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring(6).replace("kB", "").strip());
            }
        }
        throw new IOException("no VmRSS in /proc/" + process.pid() + "/status");
    }

    /** The heap in use after a full GC, in KiB, from {@code jcmd PID GC.run} and {@code GC.heap_info}: keel only. */
    long heapUsedKibAfterGc() throws IOException {
        jcmd("GC.run");
        for (String line : jcmd("GC.heap_info")) {
            int used = line.indexOf(" used ");
            if (line.contains("heap") && used >= 0) {
                String number = line.substring(used + 6).strip();
                return Long.parseLong(number.substring(0, number.indexOf('K')));
            }
        }
        throw new IOException("no heap line in jcmd " + process.pid() + " GC.heap_info");
    }

    private List<String> jcmd(String command) throws IOException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Process run = new ProcessBuilder(jcmd, Long.toString(process.pid()), command)
                .redirectErrorStream(true)
                .start();
        try {
            String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!run.waitFor(30, TimeUnit.SECONDS) || run.exitValue() != 0) {
                throw new IOException("jcmd " + command + " failed: " + output);
            }
            return output.lines().toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.destroyForcibly();
            throw new IOException("interrupted while running jcmd " + command, e);
        }
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
