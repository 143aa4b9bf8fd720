package dev.keel.bench.crawler;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One crawl by one crawler in a JVM of its own, started for that crawl: the "first crawl of a fresh JVM" measured
 * the same way for keel and for crawler4j. The sites stay in the harness's JVM (warm, and the same for both), the
 * child gets the harness's JVM flags (less any profiler or agent; {@code childFlags} adds some, such as a JFR
 * recording of the child) and runs {@link KeelRun} or {@link Crawler4jRun}, whose clock starts at the first line of
 * crawler code: JVM start-up itself is not in the rate for either, and is reported beside it (the JVM's uptime when
 * the clock started).
 *
 * <p>The child writes its result to a file: a first line "pages startNanos toLastPageNanos totalNanos jvmUptimeMillis
 * cpuMillis", then
 * the visited URLs, one per line.
 */
final class FreshJvmCrawl {

    /**
     * A fresh-JVM crawl's result, how long the JVM had been up when the crawl's clock started, and the CPU time the
     * whole JVM had used when the crawl returned (start-up, JIT compiler and GC threads included): a figure that the
     * machine's load does not inflate the way it inflates elapsed time; and what this JVM, which serves the sites,
     * spent from the child's start until it exited (not the reading of its result afterwards).
     */
    record Outcome(
            CrawlerHarness.Result result, long jvmUptimeMillisAtStart, long cpuMillis, SiteJvmMeter.Reading site) {}

    private static final long CHILD_TIMEOUT_MINUTES = 15;

    private FreshJvmCrawl() {}

    static Outcome run(
            String crawler,
            List<String> seeds,
            int workers,
            int delayMs,
            Path scratch,
            List<String> childFlags,
            Set<String> visited)
            throws IOException, InterruptedException {
        Path resultFile = Files.createTempFile(scratch, crawler + "-", ".result");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(flag -> !flag.startsWith("-XX:StartFlightRecording")
                        && !flag.startsWith("-agentlib")
                        && !flag.startsWith("-javaagent")
                        && !flag.startsWith("-Xrunjdwp"))
                .forEach(command::add);
        command.addAll(childFlags);
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                FreshJvmCrawl.class.getName(),
                crawler,
                String.join(",", seeds),
                Integer.toString(workers),
                Integer.toString(delayMs),
                Files.createTempDirectory(scratch, crawler + "-storage").toString(),
                resultFile.toString()));
        SiteJvmMeter meter = new SiteJvmMeter();
        SiteJvmMeter.Reading before = meter.read();
        Process process = new ProcessBuilder(command).inheritIO().start();
        boolean exited = process.waitFor(CHILD_TIMEOUT_MINUTES, TimeUnit.MINUTES);
        SiteJvmMeter.Reading site = meter.read().minus(before);
        if (!exited) {
            process.destroyForcibly();
            throw new IOException("the " + crawler + " child JVM did not finish within " + CHILD_TIMEOUT_MINUTES
                    + " minutes: " + command);
        }
        if (process.exitValue() != 0) {
            throw new IOException("the " + crawler + " child JVM exited with " + process.exitValue() + ": " + command);
        }
        List<String> lines = Files.readAllLines(resultFile, StandardCharsets.UTF_8);
        long[] head = Arrays.stream(lines.getFirst().split(" "))
                .mapToLong(Long::parseLong)
                .toArray();
        visited.addAll(lines.subList(1, lines.size()));
        return new Outcome(new CrawlerHarness.Result((int) head[0], head[1], head[2], head[3]), head[4], head[5], site);
    }

    /** The child: {@code crawler seeds(comma-separated) workers delayMs storageDir resultFile}. */
    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            throw new IllegalArgumentException(
                    "expected: crawler seeds workers delayMs storageDir resultFile, got " + Arrays.toString(args));
        }
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        List<String> seeds = List.of(args[1].split(","));
        int workers = Integer.parseInt(args[2]);
        int delayMs = Integer.parseInt(args[3]);
        Set<String> visited = ConcurrentHashMap.newKeySet();
        CrawlerHarness.Result result = switch (args[0]) {
            case "keel" -> KeelRun.crawl(seeds, workers, delayMs, visited);
            case "crawler4j" -> Crawler4jRun.crawl(seeds, workers, delayMs, Path.of(args[4]), visited);
            default -> throw new IllegalArgumentException("crawler: " + args[0] + " (expected: keel or crawler4j)");
        };
        List<String> lines = new ArrayList<>();
        lines.add(result.pages() + " " + result.startNanos() + " " + result.toLastPageNanos() + " "
                + result.totalNanos() + " " + uptime + " "
                + ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                                .getProcessCpuTime()
                        / 1_000_000);
        lines.addAll(visited);
        Files.write(Path.of(args[5]), lines, StandardCharsets.UTF_8);
        System.exit(0); // a crawler's lingering non-daemon thread must not keep the child alive
    }
}
