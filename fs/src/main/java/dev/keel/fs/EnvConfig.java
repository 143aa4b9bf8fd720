package dev.keel.fs;

import java.util.Map;

/**
 * Reads the {@code env} map of {@code FileSystems.newFileSystem(uri, env)} into an {@link FsConfig}: either a whole
 * config under {@code "config"}, or single options over {@link FsConfig#unix()}. Unknown keys and malformed values are
 * rejected with the key and what was expected, since a typo silently ignored would give a file system with the
 * wrong limits.
 */
final class EnvConfig {

    private EnvConfig() {}

    static FsConfig parse(Map<String, ?> env) {
        Object whole = env.get("config");
        if (whole != null) {
            if (!(whole instanceof FsConfig config)) {
                throw new IllegalArgumentException("env config (" + whole + ") must be an FsConfig");
            }
            if (env.size() > 1) {
                throw new IllegalArgumentException("env has \"config\" and other keys " + env.keySet()
                        + " (expected: either a whole config or single options)");
            }
            return config;
        }
        FsConfig.Builder builder = FsConfig.unix().toBuilder();
        for (Map.Entry<String, ?> entry : env.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            switch (key) {
                case "workingDirectory" -> builder.workingDirectory(String.valueOf(value));
                case "capacityBytes" -> builder.capacityBytes(number(key, value));
                case "maxNameLength" -> builder.maxNameLength(Math.toIntExact(number(key, value)));
                case "maxPathDepth" -> builder.maxPathDepth(Math.toIntExact(number(key, value)));
                case "enforcePermissions" -> builder.enforcePermissions(bool(key, value));
                default ->
                    throw new IllegalArgumentException("env key \"" + key + "\" is not known (expected: config,"
                            + " workingDirectory, capacityBytes, maxNameLength, maxPathDepth, enforcePermissions)");
            }
        }
        return builder.build();
    }

    private static boolean bool(String key, Object value) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        return switch (String.valueOf(value).trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("env " + key + " (" + value + ") must be true or false");
        };
    }

    private static long number(String key, Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        try {
            return Long.parseLong(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("env " + key + " (" + value + ") must be an integer", e);
        }
    }
}
