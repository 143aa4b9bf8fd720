package dev.keel.cli;

import dev.keel.kv.CompactionReport;
import dev.keel.kv.KeyValueStore;
import dev.keel.kv.KvEntry;
import dev.keel.kv.KvIterator;
import dev.keel.kv.KvStats;
import dev.keel.kv.ValueType;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code keel kv ...}: the key-value store from the command line, offline on a directory. Keys and values are UTF-8
 * text here; the store itself holds any bytes.
 */
@Command(
        name = "kv",
        mixinStandardHelpOptions = true,
        description =
                "A durable key-value store with a write-ahead log: a Redis-protocol server, and offline commands.",
        subcommands = {
            KvCommand.Get.class,
            KvCommand.Set.class,
            KvCommand.Del.class,
            KvCommand.Scan.class,
            KvCommand.Stats.class,
            KvCommand.Check.class,
            KvCommand.Compact.class,
            KvServeCommand.class
        })
final class KvCommand implements Callable<Integer> {

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    /** The {@code --dir} option every subcommand takes. */
    static final class StoreDirectory {
        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The store's directory.")
        Path directory;

        /** Opens the store; a missing directory is the user's mistake, not something to create silently. */
        KeyValueStore open(boolean mayCreate) throws IOException {
            if (!mayCreate && !Files.isDirectory(directory)) {
                throw new UserError("no store at --dir " + directory + " (expected an existing directory)");
            }
            return KeyValueStore.open(directory);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Command(
            name = "get",
            mixinStandardHelpOptions = true,
            description = "Print the value of KEY, or a list's elements one per line (exit 1 if absent).")
    static final class Get implements Callable<Integer> {
        @CommandLine.Mixin
        StoreDirectory store;

        @Parameters(paramLabel = "KEY")
        String key;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            try (KeyValueStore kv = store.open(false)) {
                if (kv.type(utf8(key)) == ValueType.LIST) {
                    for (byte[] element : kv.lists().range(utf8(key), 0, -1)) {
                        spec.commandLine().getOut().println(text(element));
                    }
                    return ExitCode.OK;
                }
                byte[] value = kv.get(utf8(key));
                if (value == null) {
                    spec.commandLine().getErr().println("(nil): no key '" + key + "'");
                    return ExitCode.FAILURE;
                }
                spec.commandLine().getOut().println(text(value));
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Set KEY to VALUE, durably.")
    static final class Set implements Callable<Integer> {
        @CommandLine.Mixin
        StoreDirectory store;

        @Parameters(index = "0", paramLabel = "KEY")
        String key;

        @Parameters(index = "1", paramLabel = "VALUE")
        String value;

        @Option(
                names = "--ttl",
                paramLabel = "DURATION",
                description = "Expire after this long (ISO-8601, e.g. PT30S).")
        String ttl;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Duration expiry = ttl == null ? null : parseTtl(ttl);
            try (KeyValueStore kv = store.open(true)) {
                if (expiry == null) {
                    kv.put(utf8(key), utf8(value));
                } else {
                    kv.put(utf8(key), utf8(value), expiry);
                }
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
            spec.commandLine().getOut().println("OK");
            return ExitCode.OK;
        }

        private static Duration parseTtl(String text) {
            try {
                Duration duration = Duration.parse(text);
                if (duration.isNegative() || duration.isZero()) {
                    throw new UserError("--ttl " + text + " must be positive");
                }
                return duration;
            } catch (DateTimeParseException e) {
                throw new UserError("--ttl " + text + " is not a duration (expected ISO-8601, such as PT30S or PT2H)");
            }
        }
    }

    @Command(name = "del", mixinStandardHelpOptions = true, description = "Delete KEY; prints 1 if it existed, else 0.")
    static final class Del implements Callable<Integer> {
        @CommandLine.Mixin
        StoreDirectory store;

        @Parameters(paramLabel = "KEY")
        String key;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            try (KeyValueStore kv = store.open(false)) {
                spec.commandLine().getOut().println(kv.delete(utf8(key)) ? 1 : 0);
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "scan", mixinStandardHelpOptions = true, description = "Print keys and values in key order.")
    static final class Scan implements Callable<Integer> {
        @CommandLine.Mixin
        StoreDirectory store;

        @Option(names = "--prefix", paramLabel = "PREFIX", description = "Only keys starting with PREFIX.")
        String prefix = "";

        @Option(names = "--limit", paramLabel = "N", description = "At most N entries (default: all).")
        long limit = Long.MAX_VALUE;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (limit <= 0) {
                throw new UserError("--limit " + limit + " must be positive");
            }
            PrintWriter out = spec.commandLine().getOut();
            try (KeyValueStore kv = store.open(false);
                    KvIterator entries = kv.scanPrefix(utf8(prefix))) {
                long shown = 0;
                while (shown < limit && entries.hasNext()) {
                    KvEntry entry = entries.next();
                    out.println(text(entry.key()) + "\t" + text(entry.value()));
                    shown++;
                }
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "stats", mixinStandardHelpOptions = true, description = "Print the store's counts and recovery.")
    static final class Stats implements Callable<Integer> {
        @CommandLine.Mixin
        StoreDirectory store;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            try (KeyValueStore kv = store.open(false)) {
                KvStats stats = kv.stats();
                PrintWriter out = spec.commandLine().getOut();
                out.println("keys: " + stats.keys());
                out.println("live bytes: " + stats.liveBytes());
                out.println(
                        "dead bytes: " + stats.deadBytes() + String.format(" (%.1f%%)", 100 * stats.deadFraction()));
                out.println("segments: " + stats.segments());
                out.println("recovery: " + stats.recovery());
            }
            return ExitCode.OK;
        }
    }

    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description =
                    "Verify every checksum in the store and read every live value; exit 1 if anything is damaged.")
    static final class Check implements Callable<Integer> {
        @CommandLine.Mixin
        StoreDirectory store;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            // Opening verifies the CRC32C of every record of every segment (and names any damage); reading every
            // live value then checks that the key directory points at intact records of the right keys.
            try (KeyValueStore kv = store.open(false);
                    KvIterator entries = kv.scanPrefix(new byte[0])) {
                long keys = 0;
                long bytes = 0;
                while (entries.hasNext()) {
                    KvEntry entry = entries.next();
                    keys++;
                    bytes += entry.value().length;
                }
                out.println("log: " + kv.stats().recovery());
                out.println("values: " + keys + " live keys read back, " + bytes + " value bytes, all intact");
                return ExitCode.OK;
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }

    @Command(
            name = "compact",
            mixinStandardHelpOptions = true,
            description = "Copy live values out of the sealed log segments and delete them.")
    static final class Compact implements Callable<Integer> {
        @CommandLine.Mixin
        StoreDirectory store;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            try (KeyValueStore kv = store.open(false)) {
                CompactionReport report = kv.compact();
                PrintWriter out = spec.commandLine().getOut();
                out.println("copied " + report.recordsCopied() + " live records, dropped " + report.expiredDropped()
                        + " expired, deleted " + report.segmentsDeleted() + " segment(s); log "
                        + report.logBytesBefore()
                        + " -> " + report.logBytesAfter() + " bytes");
                return ExitCode.OK;
            }
        }
    }
}
