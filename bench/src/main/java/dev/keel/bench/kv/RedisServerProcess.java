package dev.keel.bench.kv;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A redis-server child process on a free port of 127.0.0.1, its working directory and log in {@code directory}; ready
 * (it answered {@code PING}) when {@link #start} returns. {@link #close()} stops it with SIGTERM, which under
 * {@code --save ''} writes no snapshot, and waits for it to exit. The caller owns {@code directory} and deletes it after.
 *
 * <p>Not thread-safe.
 */
final class RedisServerProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);

    private final Process process;
    private final int port;

    private RedisServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts {@code redisServer} with {@code persistence} (such as {@code --appendonly no}) added to its arguments. */
    static RedisServerProcess start(Path redisServer, Path directory, List<String> persistence)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(redisServer.toString()));
        command.addAll(arguments(Integer.toString(port), directory.toString(), persistence));
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("redis.out").toFile())
                .start();
        RedisServerProcess server = new RedisServerProcess(process, port);
        try {
            server.awaitReady(directory);
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    int port() {
        return port;
    }

    /** The command line {@link #start} runs, with PORT and DIR for what differs between runs, for the report. */
    static String commandLine(List<String> persistence) {
        List<String> shown = new ArrayList<>();
        for (String argument : arguments("PORT", "DIR", persistence)) {
            shown.add(argument.isEmpty() ? "''" : argument);
        }
        return "redis-server " + String.join(" ", shown);
    }

    private static List<String> arguments(String port, String directory, List<String> persistence) {
        List<String> arguments = new ArrayList<>(List.of(
                "--bind",
                "127.0.0.1",
                "--port",
                port,
                "--dir",
                directory,
                "--save",
                "",
                "--daemonize",
                "no",
                "--logfile",
                directory + "/redis.log"));
        arguments.addAll(persistence);
        return arguments;
    }

    private void awaitReady(Path directory) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("redis-server exited with status " + process.exitValue() + " before it was "
                        + "ready; its log: " + tail(directory));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                socket.setSoTimeout(2000);
                OutputStream out = socket.getOutputStream();
                out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                byte[] reply = in.readNBytes(7);
                if (new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n")) {
                    return;
                }
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(50);
        }
        throw new IOException(
                "redis-server on port " + port + " did not answer PING within " + READY_TIMEOUT + "; its log: "
                        + tail(directory),
                last);
    }

    private static String tail(Path directory) {
        try {
            Path log = directory.resolve("redis.log");
            String text = Files.exists(log) ? Files.readString(log) : "";
            text += Files.readString(directory.resolve("redis.out"));
            return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** A port that was free a moment ago; redis-server binds it next (a race another process could win, rarely). */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Stops the server (SIGTERM, then SIGKILL after 10 s) and waits for it; if interrupted, kills it and returns. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
