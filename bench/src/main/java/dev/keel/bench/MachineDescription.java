package dev.keel.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The facts a reader needs to judge a benchmark's number: where it was measured (processors, memory, kernel), on what
 * (the file system and block device of the benchmark's directory, whether the device reports a volatile write cache),
 * with what (JDK, and the peer's version: RocksDB, redis-server) and when. Shared by every load harness in
 * {@code dev.keel.bench.<system>}. Read from {@code /proc} and {@code /sys} on Linux; a fact that cannot be read is
 * reported as "unknown" rather than failing the benchmark. Immutable.
 *
 * @param taken when the description was taken
 * @param cpu the processor model from {@code /proc/cpuinfo}
 * @param processors processors available to the JVM (what {@code nproc} prints)
 * @param memory {@code MemTotal} from {@code /proc/meminfo}
 * @param kernel the operating system name and version
 * @param mount the mount that holds the benchmark's directory, as {@code device on path type fs (options)}
 * @param blockDevice the device's queue facts from {@code /sys/class/block}: rotational, write cache
 * @param jdk the Java runtime
 * @param peers the peers' versions, one markdown list item's text each (such as {@code RocksDB: 9.7.3 (rocksdbjni)})
 */
public record MachineDescription(
        Instant taken,
        String cpu,
        int processors,
        String memory,
        String kernel,
        String mount,
        String blockDevice,
        String jdk,
        List<String> peers) {

    private static final String UNKNOWN = "unknown";

    public MachineDescription {
        peers = List.copyOf(peers);
    }

    /** Describes this machine and {@code directory}'s disk now; {@code peers} as {@link #peers()} says. */
    public static MachineDescription probe(Path directory, InstantSource clock, List<String> peers) {
        Optional<Mount> mount = mountOf(directory);
        return new MachineDescription(
                clock.instant(),
                cpuModel(),
                Runtime.getRuntime().availableProcessors(),
                memTotal(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                mount.map(Mount::toString).orElse(UNKNOWN),
                mount.map(m -> blockDeviceFacts(m.device())).orElse(UNKNOWN),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                        + Runtime.version(),
                peers);
    }

    /** The description as markdown list items. */
    public List<String> markdownLines() {
        List<String> lines = new ArrayList<>();
        lines.add("- Date: " + taken);
        lines.add("- CPU: " + cpu + ", " + processors + " processors (nproc)");
        lines.add("- Memory: " + memory + " (MemTotal)");
        lines.add("- Kernel: " + kernel);
        lines.add("- File system: " + mount);
        lines.add("- Block device: " + blockDevice);
        lines.add("- JDK: " + jdk);
        for (String peer : peers) {
            lines.add("- " + peer);
        }
        return lines;
    }

    private record Mount(String device, String path, String type, String options) {
        @Override
        public String toString() {
            return device + " on " + path + " type " + type + " (" + options + ")";
        }
    }

    private static String cpuModel() {
        return readLines(Path.of("/proc/cpuinfo")).stream()
                .filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).strip())
                .findFirst()
                .orElse(UNKNOWN);
    }

    private static String memTotal() {
        return readLines(Path.of("/proc/meminfo")).stream()
                .filter(line -> line.startsWith("MemTotal:"))
                .map(line -> {
                    String[] parts =
                            line.substring("MemTotal:".length()).strip().split("\\s+");
                    long kib = Long.parseLong(parts[0]);
                    return String.format(Locale.ROOT, "%.1f GiB (%d kB)", kib / (1024.0 * 1024.0), kib);
                })
                .findFirst()
                .orElse(UNKNOWN);
    }

    /** The mount with the longest mount point that contains {@code directory} (as /proc/mounts lists them). */
    private static Optional<Mount> mountOf(Path directory) {
        Path real;
        try {
            real = directory.toRealPath();
        } catch (IOException e) {
            return Optional.empty();
        }
        Mount best = null;
        for (String line : readLines(Path.of("/proc/mounts"))) {
            String[] fields = line.split(" ");
            if (fields.length < 4) {
                continue;
            }
            Mount mount = new Mount(unescape(fields[0]), unescape(fields[1]), fields[2], fields[3]);
            if (real.startsWith(Path.of(mount.path()))
                    && (best == null || mount.path().length() >= best.path().length())) {
                best = mount;
            }
        }
        return Optional.ofNullable(best);
    }

    /** /proc/mounts writes a space as \040, a tab as \011 and so on. */
    private static String unescape(String field) {
        StringBuilder text = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\'
                    && i + 3 < field.length()
                    && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                text.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }

    /** Rotational and write-cache facts of {@code device} (or of the disk a partition is on). */
    private static String blockDeviceFacts(String device) {
        if (!device.startsWith("/dev/")) {
            return UNKNOWN + " (" + device + " is not a block device)";
        }
        Path node = Path.of("/sys/class/block", device.substring("/dev/".length()));
        try {
            Path real = node.toRealPath();
            Path queue = Files.isDirectory(real.resolve("queue"))
                    ? real.resolve("queue")
                    : real.getParent().resolve("queue");
            String rotational = readFirst(queue.resolve("rotational"));
            String cache = readFirst(queue.resolve("write_cache"));
            return real.getFileName() + ": rotational=" + rotational + ", write_cache=" + cache;
        } catch (IOException e) {
            return UNKNOWN + " (" + e.getMessage() + ")";
        }
    }

    private static String readFirst(Path file) {
        List<String> lines = readLines(file);
        return lines.isEmpty() ? UNKNOWN : lines.getFirst().strip();
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of();
        }
    }
}
