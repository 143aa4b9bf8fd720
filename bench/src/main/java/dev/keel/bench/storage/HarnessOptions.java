package dev.keel.bench.storage;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The command line of {@link WalAppendHarness}, parsed and validated. Immutable.
 *
 * @param measurement the measured window of every run
 * @param warmup the unrecorded warm-up before each window
 * @param directory where the scratch directories go; empty for the JVM's temporary directory ({@code /tmp})
 * @param threads the thread counts to run, in order
 * @param sections the sections to run
 * @param out a file to write the report to as well as standard output; empty for none
 * @param virtualThreads whether the load runs on virtual threads (as a server's connections do) instead of platform ones
 * @param help whether {@code --help} was asked for (then nothing else is run)
 * @param arguments the arguments as given, for the report's command line
 */
record HarnessOptions(
        Duration measurement,
        Duration warmup,
        Optional<Path> directory,
        List<Integer> threads,
        Set<Section> sections,
        Optional<Path> out,
        boolean virtualThreads,
        boolean help,
        List<String> arguments) {

    /** The parts of the report, each runnable alone with {@code --sections}. */
    enum Section {
        /** The disk's fsync floor. */
        FSYNC,
        /** keel's append under every sync policy. */
        KEEL,
        /** RocksDB's synced put next to keel's append under ALWAYS. */
        ROCKSDB,
        /** Batches of 100: keel's appendBatch next to RocksDB's WriteBatch, both synced. */
        BATCH
    }

    static final Duration DEFAULT_MEASUREMENT = Duration.ofSeconds(5);
    static final Duration DEFAULT_WARMUP = Duration.ofSeconds(1);
    static final Duration QUICK_MEASUREMENT = Duration.ofSeconds(1);
    static final Duration QUICK_WARMUP = Duration.ofMillis(500);
    static final List<Integer> DEFAULT_THREADS = List.of(1, 8, 64);

    static final String USAGE = """
            Usage: ./keel bench run dev.keel.bench.storage.WalAppendHarness [OPTIONS]

            Measures the disk's fsync floor, keel's write-ahead log append under each sync policy, and RocksDB's
            synced WAL as a peer, in the same run; prints markdown tables to standard output and progress to
            standard error.

              --seconds N         measured seconds per combination (default 5; decimals allowed)
              --warmup N          warm-up seconds before each measurement (default 1)
              --quick             a smoke run: --seconds 1 --warmup 0.5
              --threads LIST      comma-separated thread counts (default 1,8,64)
              --dir PATH          where to create the scratch directories (default: java.io.tmpdir, /tmp)
              --sections LIST     any of fsync,keel,rocksdb,batch (default: all)
              --out FILE          also write the report to FILE
              --virtual-threads   run the load on virtual threads, as a server's connections do (default: platform)
              --help              print this and exit
            """;

    /** A mistake on the command line; its message says which argument and what was expected. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    HarnessOptions {
        threads = List.copyOf(threads);
        sections = Set.copyOf(sections);
        arguments = List.copyOf(arguments);
    }

    /** Parses {@code args}; an option given twice, or {@code --quick} with {@code --seconds} or {@code --warmup}, fails. */
    static HarnessOptions parse(String[] args) throws UsageException {
        Duration measurement = DEFAULT_MEASUREMENT;
        Duration warmup = DEFAULT_WARMUP;
        Path directory = null;
        Path out = null;
        List<Integer> threads = DEFAULT_THREADS;
        Set<Section> sections = EnumSet.allOf(Section.class);
        boolean quick = false;
        boolean help = false;
        boolean virtualThreads = false;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (!seen.add(option)) {
                throw new UsageException(option + " was given twice");
            }
            switch (option) {
                case "--help", "-h" -> help = true;
                case "--quick" -> quick = true;
                case "--virtual-threads" -> virtualThreads = true;
                case "--seconds" -> measurement = seconds(option, value(args, ++i, option), false);
                case "--warmup" -> warmup = seconds(option, value(args, ++i, option), true);
                case "--threads" -> threads = threads(value(args, ++i, option));
                case "--dir" -> directory = Path.of(value(args, ++i, option));
                case "--out" -> out = Path.of(value(args, ++i, option));
                case "--sections" -> sections = sections(value(args, ++i, option));
                default ->
                    throw new UsageException("unknown option '" + option + "' (expected one of --seconds, "
                            + "--warmup, --quick, --threads, --dir, --sections, --out, --virtual-threads, --help)");
            }
        }
        if (quick) {
            if (seen.contains("--seconds") || seen.contains("--warmup")) {
                throw new UsageException("--quick sets --seconds and --warmup itself; give either --quick or them");
            }
            measurement = QUICK_MEASUREMENT;
            warmup = QUICK_WARMUP;
        }
        return new HarnessOptions(
                measurement,
                warmup,
                Optional.ofNullable(directory),
                threads,
                sections,
                Optional.ofNullable(out),
                virtualThreads,
                help,
                List.of(args));
    }

    private static String value(String[] args, int index, String option) throws UsageException {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[index];
    }

    private static Duration seconds(String option, String text, boolean zeroAllowed) throws UsageException {
        BigDecimal seconds;
        try {
            seconds = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new UsageException(option + ": '" + text + "' (expected a number of seconds, such as 5 or 0.5)");
        }
        int sign = seconds.signum();
        if (sign < 0 || (sign == 0 && !zeroAllowed) || seconds.compareTo(BigDecimal.valueOf(3600)) > 0) {
            throw new UsageException(
                    option + ": " + text + " (expected: " + (zeroAllowed ? ">= 0" : "> 0") + " and <= 3600 seconds)");
        }
        return Duration.ofNanos(seconds.movePointRight(9).longValue());
    }

    private static List<Integer> threads(String text) throws UsageException {
        Set<Integer> counts = new LinkedHashSet<>();
        for (String part : text.split(",", -1)) {
            int count;
            try {
                count = Integer.parseInt(part.strip());
            } catch (NumberFormatException e) {
                throw new UsageException(
                        "--threads: '" + part + "' in '" + text + "' (expected a list such as 1,8,64)");
            }
            if (count < 1 || count > 1024) {
                throw new UsageException("--threads: " + count + " (expected: between 1 and 1024)");
            }
            if (!counts.add(count)) {
                throw new UsageException("--threads: " + count + " is listed twice in '" + text + "'");
            }
        }
        return new ArrayList<>(counts);
    }

    private static Set<Section> sections(String text) throws UsageException {
        Set<Section> chosen = EnumSet.noneOf(Section.class);
        for (String part : text.split(",", -1)) {
            String name = part.strip().toUpperCase(Locale.ROOT);
            try {
                chosen.add(Section.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--sections: unknown section '" + part + "' (expected any of fsync, keel, "
                        + "rocksdb, batch)");
            }
        }
        return chosen;
    }
}
