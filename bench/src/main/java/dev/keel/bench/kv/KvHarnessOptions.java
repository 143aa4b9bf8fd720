package dev.keel.bench.kv;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The command line of {@link KvServerHarness}, parsed and validated. Immutable.
 *
 * @param requests redis-benchmark's {@code -n} for the no-persistence workload (SET and GET, pipelined)
 * @param fsyncRequests redis-benchmark's {@code -n} for the fsync-on-every-write workload (SET, not pipelined)
 * @param rounds measured rounds per workload and server, alternating which server goes first
 * @param directory where the scratch directories go; empty for the JVM's temporary directory ({@code /tmp})
 * @param out a file to write the report to as well as standard output; empty for none
 * @param help whether {@code --help} was asked for (then nothing else is run)
 * @param arguments the arguments as given, for the report's command line
 */
record KvHarnessOptions(
        int requests,
        int fsyncRequests,
        int rounds,
        Optional<Path> directory,
        Optional<Path> out,
        boolean help,
        List<String> arguments) {

    static final int DEFAULT_REQUESTS = 1_000_000;
    static final int DEFAULT_FSYNC_REQUESTS = 200_000;
    static final int DEFAULT_ROUNDS = 3;
    static final int QUICK_REQUESTS = 20_000;
    static final int QUICK_FSYNC_REQUESTS = 5_000;
    static final int QUICK_ROUNDS = 1;

    static final String USAGE = """
            Usage: ./keel bench run dev.keel.bench.kv.KvServerHarness [OPTIONS]

            Measures keel's Redis-protocol server (in this JVM) against redis-server (a child process) under the
            same redis-benchmark load, in the same run: SET/GET pipelined without persistence, and SET unpipelined
            with an fsync on every write. Prints markdown tables to standard output and progress to standard error.
            Needs redis-server and redis-benchmark on the PATH (Debian packages redis-server and redis-tools).

              --requests N        -n of the no-persistence workload (default 1000000)
              --fsync-requests M  -n of the fsync-always workload (default 200000)
              --rounds R          measured rounds per workload and server (default 3; the table shows the median)
              --quick             a smoke run: --requests 20000 --fsync-requests 5000 --rounds 1
              --dir PATH          where to create the scratch directories (default: java.io.tmpdir, /tmp)
              --out FILE          also write the report to FILE
              --help              print this and exit
            """;

    /** A mistake on the command line; its message says which argument and what was expected. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    KvHarnessOptions {
        arguments = List.copyOf(arguments);
    }

    /** Parses {@code args}; an option given twice, or {@code --quick} with a count it sets, fails. */
    static KvHarnessOptions parse(String[] args) throws UsageException {
        int requests = DEFAULT_REQUESTS;
        int fsyncRequests = DEFAULT_FSYNC_REQUESTS;
        int rounds = DEFAULT_ROUNDS;
        Path directory = null;
        Path out = null;
        boolean quick = false;
        boolean help = false;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (!seen.add(option)) {
                throw new UsageException(option + " was given twice");
            }
            switch (option) {
                case "--help", "-h" -> help = true;
                case "--quick" -> quick = true;
                case "--requests" -> requests = count(option, value(args, ++i, option), 1_000, 100_000_000);
                case "--fsync-requests" -> fsyncRequests = count(option, value(args, ++i, option), 100, 10_000_000);
                case "--rounds" -> rounds = count(option, value(args, ++i, option), 1, 20);
                case "--dir" -> directory = Path.of(value(args, ++i, option));
                case "--out" -> out = Path.of(value(args, ++i, option));
                default ->
                    throw new UsageException("unknown option '" + option + "' (expected one of --requests, "
                            + "--fsync-requests, --rounds, --quick, --dir, --out, --help)");
            }
        }
        if (quick) {
            for (String set : List.of("--requests", "--fsync-requests", "--rounds")) {
                if (seen.contains(set)) {
                    throw new UsageException("--quick sets " + set + " itself; give either --quick or " + set);
                }
            }
            requests = QUICK_REQUESTS;
            fsyncRequests = QUICK_FSYNC_REQUESTS;
            rounds = QUICK_ROUNDS;
        }
        return new KvHarnessOptions(
                requests,
                fsyncRequests,
                rounds,
                Optional.ofNullable(directory),
                Optional.ofNullable(out),
                help,
                List.of(args));
    }

    private static String value(String[] args, int index, String option) throws UsageException {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[index];
    }

    private static int count(String option, String text, int min, int max) throws UsageException {
        int value;
        try {
            value = Integer.parseInt(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException(option + ": '" + text + "' (expected a whole number)");
        }
        if (value < min || value > max) {
            throw new UsageException(option + ": " + value + " (expected: between " + min + " and " + max + ")");
        }
        return value;
    }
}
