package dev.keel.fs;

import java.io.IOException;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.UserPrincipal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Attributes by name: {@code Files.getAttribute(path, "posix:permissions")}, {@code readAttributes(path, "*")},
 * {@code setAttribute(path, "lastModifiedTime", time)}. The views are {@code basic}, {@code owner}, {@code posix} and
 * a {@code unix} subset ({@code ino}, {@code nlink}, {@code mode}), each name parsed as the JDK parses it: an unknown
 * view is {@link UnsupportedOperationException}, an unknown attribute {@link IllegalArgumentException}, a value of the
 * wrong type {@link ClassCastException}. Stateless and thread-safe.
 */
final class AttributeNames {

    private static final List<String> BASIC = List.of(
            "lastModifiedTime",
            "lastAccessTime",
            "creationTime",
            "size",
            "isRegularFile",
            "isDirectory",
            "isSymbolicLink",
            "isOther",
            "fileKey");
    private static final List<String> OWNER = List.of("owner");
    private static final List<String> POSIX = List.of("permissions", "group");
    private static final List<String> UNIX = List.of("ino", "nlink", "mode");
    private static final List<String> ALL_POSIX = concat(concat(BASIC, OWNER), POSIX);
    private static final List<String> ALL_UNIX = concat(ALL_POSIX, UNIX);

    private AttributeNames() {}

    static Map<String, Object> read(NodeAttributes attributes, String spec) {
        int colon = spec.indexOf(':');
        String view = colon < 0 ? "basic" : spec.substring(0, colon);
        String names = colon < 0 ? spec : spec.substring(colon + 1);
        List<String> known = known(view);
        Map<String, Object> result = new LinkedHashMap<>();
        for (String name : names.split(",", -1)) {
            if (name.equals("*")) {
                for (String each : known) {
                    result.put(each, value(attributes, each));
                }
            } else if (known.contains(name)) {
                result.put(name, value(attributes, name));
            } else {
                throw new IllegalArgumentException(
                        "'" + name + "' not recognized (view " + view + " has " + known + ")");
            }
        }
        return result;
    }

    static void write(KeelAttributeView view, String spec, Object value) throws IOException {
        int colon = spec.indexOf(':');
        String viewName = colon < 0 ? "basic" : spec.substring(0, colon);
        String name = colon < 0 ? spec : spec.substring(colon + 1);
        known(viewName);
        switch (name) {
            case "lastModifiedTime" -> view.setTimes((FileTime) value, null, null);
            case "lastAccessTime" -> view.setTimes(null, (FileTime) value, null);
            case "creationTime" -> view.setTimes(null, null, (FileTime) value);
            case "owner" -> view.setOwner((UserPrincipal) value);
            case "permissions" -> view.setPermissions(castPermissions(value));
            case "group" -> view.setGroup((GroupPrincipal) value);
            default -> throw new IllegalArgumentException("'" + spec + "' cannot be set");
        }
    }

    private static Set<java.nio.file.attribute.PosixFilePermission> castPermissions(Object value) {
        Set<?> set = (Set<?>) value;
        return PosixModes.toPermissions(PosixModes.toMode(set));
    }

    private static List<String> known(String view) {
        return switch (view) {
            case "basic" -> BASIC;
            case "owner" -> OWNER;
            case "posix" -> ALL_POSIX;
            case "unix" -> ALL_UNIX;
            default -> throw new UnsupportedOperationException("View '" + view + "' not available");
        };
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }

    private static Object value(NodeAttributes attributes, String name) {
        return switch (name) {
            case "lastModifiedTime" -> attributes.lastModifiedTime();
            case "lastAccessTime" -> attributes.lastAccessTime();
            case "creationTime" -> attributes.creationTime();
            case "size" -> attributes.size();
            case "isRegularFile" -> attributes.isRegularFile();
            case "isDirectory" -> attributes.isDirectory();
            case "isSymbolicLink" -> attributes.isSymbolicLink();
            case "isOther" -> attributes.isOther();
            case "fileKey" -> attributes.fileKey();
            case "owner" -> attributes.owner();
            case "permissions" -> attributes.permissions();
            case "group" -> attributes.group();
            case "ino" -> attributes.id();
            case "nlink" -> attributes.links();
            case "mode" -> attributes.unixMode();
            default -> throw new IllegalArgumentException("'" + name + "' not recognized");
        };
    }
}
