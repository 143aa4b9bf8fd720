package dev.keel.fs;

import java.time.InstantSource;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a keel file system is set up: its working directory, the capacity of its one file store, the limits on names
 * and path depth, and the clock its timestamps come from.
 *
 * <p>Start from {@link #unix()} and adjust with {@link #toBuilder()}:
 *
 * <pre>{@code
 * FsConfig config = FsConfig.unix().toBuilder().capacityBytes(64L << 20).workingDirectory("/home/user").build();
 * }</pre>
 *
 * <p>Immutable. The compact constructor rejects a value that makes no sense, naming it and what was expected.
 *
 * @param workingDirectory the absolute path relative paths are resolved against; created when the file system is
 * @param capacityBytes the most bytes of file content the store holds; a write beyond it fails as on a full disk
 * @param maxNameLength the longest file name, in UTF-8 bytes (Linux's NAME_MAX is 255)
 * @param maxPathDepth the most names a path may have (Linux bounds paths by PATH_MAX, 4096 bytes, instead)
 * @param clock where creation, modification and access times come from
 * @param enforcePermissions whether the owner's permission bits are checked ({@code AccessDeniedException}); off by
 *     default, as in Jimfs. There is one user, the owner of every file, so only the owner bits count.
 */
public record FsConfig(
        String workingDirectory,
        long capacityBytes,
        int maxNameLength,
        int maxPathDepth,
        InstantSource clock,
        boolean enforcePermissions) {

    /** Unlimited capacity, in practice: the store is bounded by the heap long before this. */
    public static final long UNLIMITED_CAPACITY = Long.MAX_VALUE;

    /** Linux's NAME_MAX. */
    public static final int DEFAULT_MAX_NAME_LENGTH = 255;

    /** Deep enough for any real tree, shallow enough to stop a runaway loop that creates directories. */
    public static final int DEFAULT_MAX_PATH_DEPTH = 1024;

    public FsConfig {
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(clock, "clock");
        if (!workingDirectory.startsWith("/") || workingDirectory.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(
                    "workingDirectory (" + workingDirectory + ") must be an absolute Unix path (expected: /...)");
        }
        if (capacityBytes <= 0) {
            throw new IllegalArgumentException("capacityBytes (" + capacityBytes + ") must be positive");
        }
        if (maxNameLength < 1 || maxNameLength > 4096) {
            throw new IllegalArgumentException("maxNameLength (" + maxNameLength + ") must be in [1, 4096]");
        }
        if (maxPathDepth < 1) {
            throw new IllegalArgumentException("maxPathDepth (" + maxPathDepth + ") must be positive");
        }
    }

    /** A Unix file system as Linux has it: working directory {@code /}, no capacity limit, the system clock. */
    public static FsConfig unix() {
        return new FsConfig(
                "/",
                UNLIMITED_CAPACITY,
                DEFAULT_MAX_NAME_LENGTH,
                DEFAULT_MAX_PATH_DEPTH,
                InstantSource.system(),
                false);
    }

    /** A builder that starts from this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Changes some options of a configuration. Setting one option twice is a mistake and fails fast.
     *
     * <p>Not thread-safe.
     */
    public static final class Builder {
        private final FsConfig base;
        private @Nullable String workingDirectory;
        private @Nullable Long capacityBytes;
        private @Nullable Integer maxNameLength;
        private @Nullable Integer maxPathDepth;
        private @Nullable InstantSource clock;
        private @Nullable Boolean enforcePermissions;

        private Builder(FsConfig base) {
            this.base = base;
        }

        public Builder workingDirectory(String value) {
            once("workingDirectory", workingDirectory);
            workingDirectory = Objects.requireNonNull(value, "workingDirectory");
            return this;
        }

        public Builder capacityBytes(long value) {
            once("capacityBytes", capacityBytes);
            capacityBytes = value;
            return this;
        }

        public Builder maxNameLength(int value) {
            once("maxNameLength", maxNameLength);
            maxNameLength = value;
            return this;
        }

        public Builder maxPathDepth(int value) {
            once("maxPathDepth", maxPathDepth);
            maxPathDepth = value;
            return this;
        }

        public Builder clock(InstantSource value) {
            once("clock", clock);
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public Builder enforcePermissions(boolean value) {
            once("enforcePermissions", enforcePermissions);
            enforcePermissions = value;
            return this;
        }

        /** The configuration; validated by {@link FsConfig}'s constructor. */
        public FsConfig build() {
            return new FsConfig(
                    workingDirectory != null ? workingDirectory : base.workingDirectory(),
                    capacityBytes != null ? capacityBytes : base.capacityBytes(),
                    maxNameLength != null ? maxNameLength : base.maxNameLength(),
                    maxPathDepth != null ? maxPathDepth : base.maxPathDepth(),
                    clock != null ? clock : base.clock(),
                    enforcePermissions != null ? enforcePermissions : base.enforcePermissions());
        }

        private static void once(String option, @Nullable Object current) {
            if (current != null) {
                throw new IllegalStateException(option + " is already set");
            }
        }
    }
}
