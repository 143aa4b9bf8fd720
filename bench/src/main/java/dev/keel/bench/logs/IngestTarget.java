package dev.keel.bench.logs;

import dev.keel.bench.ProcStat;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A syslog receiver under load in its own process: keel or rsyslog. Not thread-safe. */
sealed interface IngestTarget extends AutoCloseable {

    String name();

    int syslogPort();

    /** Messages the target has stored so far. */
    long stored() throws IOException;

    /** The target's process. */
    Process process();

    /**
     * CPU seconds (user + system) the target's process has used so far, from {@code /proc/PID/stat}: on a loaded
     * machine the CPU a message costs is a fairer comparison than the rate.
     */
    default double cpuSeconds() throws IOException {
        ProcStat stat = ProcStat.read(Path.of("/proc/" + process().pid() + "/stat"));
        return stat.cpuTicks() * ProcStat.NANOS_PER_TICK / 1e9;
    }

    /**
     * CPU ticks (1/100 s) used so far by each thread of the target's process, summed by thread name with digits
     * dropped ({@code C2 CompilerThre}, {@code GC Thread#}, {@code keel-logs-seale}, ...; Linux keeps 15 characters):
     * where the CPU goes, JIT compiler and collector included, which a Java profiler does not show.
     */
    default java.util.Map<String, Long> cpuTicksByThread() {
        java.util.Map<String, Long> byName = new java.util.TreeMap<>();
        for (ProcStat thread : ProcStat.threadsOf(Path.of("/proc/" + process().pid()))) {
            byName.merge(thread.name().replaceAll("[0-9]+", "#"), thread.cpuTicks(), Long::sum);
        }
        return byName;
    }

    @Override
    void close() throws IOException;

    /** Stops a target's process: SIGTERM, then SIGKILL after 30 s. */
    static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code keel logs serve} in a child JVM. */
    final class Keel implements IngestTarget {
        private final Process process;
        private final String name;
        private final int syslogPort;
        private final int httpPort;

        Keel(Path dir, String durability) throws IOException {
            this.name = "keel (" + durability + ")";
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            // zstd-jni loads its native library: allowed explicitly, as ./keel does, so no warning on stderr.
            List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "--enable-native-access=ALL-UNNAMED"));
            // Extra JVM options for the server, e.g. -Dkeel.bench.serverJvmArgs=-XX:StartFlightRecording=filename=x.jfr
            String extra = System.getProperty("keel.bench.serverJvmArgs", "").strip();
            if (!extra.isEmpty()) {
                command.addAll(List.of(extra.split("\\s+")));
            }
            command.addAll(List.of(
                    "-cp",
                    System.getProperty("java.class.path"),
                    LogsServerProcess.class.getName(),
                    dir.toString(),
                    durability));
            process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = reader.readLine();
            if (line == null || !line.startsWith("ports ")) {
                process.destroyForcibly();
                throw new IOException("keel server did not start: " + line);
            }
            String[] parts = line.split(" ");
            syslogPort = Integer.parseInt(parts[1]);
            httpPort = Integer.parseInt(parts[2]);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int syslogPort() {
            return syslogPort;
        }

        int httpPort() {
            return httpPort;
        }

        private static final Pattern ENTRIES = Pattern.compile("\"entries\":(\\d+)");

        @Override
        public long stored() throws IOException {
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + httpPort + "/stats")
                    .toURL()
                    .openConnection();
            try (InputStream in = connection.getInputStream()) {
                Matcher matcher = ENTRIES.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
            } finally {
                connection.disconnect();
            }
        }

        @Override
        public Process process() {
            return process;
        }

        @Override
        public void close() {
            stop(process);
        }
    }

    /**
     * rsyslogd in the foreground: imtcp on a port of 127.0.0.1, every message to one file with omfile (the
     * traditional file format, asynchronous buffered writes, no fsync: rsyslog's usual set-up).
     */
    final class Rsyslog implements IngestTarget {
        private final Process process;
        private final int port;
        private final Path output;
        private long counted;
        private long offset;

        Rsyslog(Path dir, int port) throws IOException, InterruptedException {
            this.port = port;
            this.output = dir.resolve("messages.log");
            Path config = dir.resolve("rsyslog.conf");
            Files.writeString(
                    config,
                    String.join(
                            "\n",
                            List.of(
                                    "global(workDirectory=\"" + dir + "\")",
                                    "module(load=\"imtcp\" MaxSessions=\"64\")",
                                    "input(type=\"imtcp\" port=\"" + port + "\" address=\"127.0.0.1\")",
                                    "main_queue(queue.type=\"LinkedList\" queue.size=\"200000\")",
                                    "*.* action(type=\"omfile\" file=\"" + output + "\" template=\"RSYSLOG_FileFormat\""
                                            + " asyncWriting=\"on\" ioBufferSize=\"256k\" flushOnTXEnd=\"off\")",
                                    "")));
            process = new ProcessBuilder(
                            "/usr/sbin/rsyslogd",
                            "-n",
                            "-f",
                            config.toString(),
                            "-i",
                            dir.resolve("rsyslog.pid").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("rsyslogd.out").toFile())
                    .start();
            // Wait until it listens: connect attempts, bounded.
            for (int attempt = 0; ; attempt++) {
                try {
                    new java.net.Socket("127.0.0.1", port).close();
                    break;
                } catch (IOException e) {
                    if (attempt > 200 || !process.isAlive()) {
                        throw new IOException(
                                "rsyslogd did not listen on " + port + ": "
                                        + Files.readString(dir.resolve("rsyslogd.out")),
                                e);
                    }
                    process.waitFor(50, TimeUnit.MILLISECONDS);
                }
            }
        }

        @Override
        public String name() {
            return "rsyslog " + "(imtcp, omfile)";
        }

        @Override
        public int syslogPort() {
            return port;
        }

        @Override
        public long stored() throws IOException {
            if (!Files.exists(output)) {
                return 0;
            }
            try (FileChannel channel = FileChannel.open(output, StandardOpenOption.READ)) {
                ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
                channel.position(offset);
                int n;
                while ((n = channel.read(buffer)) > 0) {
                    buffer.flip();
                    for (int i = 0; i < n; i++) {
                        if (buffer.get(i) == '\n') {
                            counted++;
                        }
                    }
                    offset += n;
                    buffer.clear();
                }
            }
            return counted;
        }

        @Override
        public Process process() {
            return process;
        }

        @Override
        public void close() {
            stop(process);
        }
    }
}
