package dev.keel.fs;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A Unix path of a keel file system: an optional root and a list of names.
 *
 * <p>How paths are designed, and why: exactly as {@code sun.nio.fs.UnixPath} behaves on Linux, because code written
 * against the default provider must not notice the difference. Parsing collapses repeated slashes and drops a
 * trailing one ({@code "a//b/"} is {@code a/b}); {@code "."} and {@code ".."} are kept until {@link #normalize()},
 * which removes them lexically (the file system resolves them physically, see {@code Resolver}); the empty path has
 * one empty name; a NUL character is the only invalid one. Names are stored as {@code String}s split once at
 * parse time, so resolution walks an array instead of re-scanning a string.
 *
 * <p>Immutable.
 */
final class KeelPath implements Path {

    private static final String[] NO_NAMES = {};

    private final KeelFileSystem fs;
    private final boolean absolute;
    private final String[] names;
    private @Nullable String string;

    private KeelPath(KeelFileSystem fs, boolean absolute, String[] names) {
        this.fs = fs;
        this.absolute = absolute;
        this.names = names;
    }

    /** Parses {@code first} joined with {@code more} by slashes. */
    static KeelPath parse(KeelFileSystem fs, String first, String... more) {
        String joined = first;
        if (more.length > 0) {
            StringBuilder builder = new StringBuilder(first);
            for (String part : more) {
                if (!part.isEmpty()) {
                    if (!builder.isEmpty()) {
                        builder.append('/');
                    }
                    builder.append(part);
                }
            }
            joined = builder.toString();
        }
        int nul = joined.indexOf('\0');
        if (nul >= 0) {
            throw new InvalidPathException(joined, "Nul character not allowed", nul);
        }
        if (joined.isEmpty()) {
            return new KeelPath(fs, false, new String[] {""});
        }
        boolean absolute = joined.charAt(0) == '/';
        int length = joined.length();
        // Two passes with indexOf (a vectorised intrinsic): count the names, then cut them. Parsing dominates a
        // lookup's profile, so it avoids a list and a per-character loop.
        int count = 0;
        boolean canonical = length == 1 || joined.charAt(length - 1) != '/';
        int at = 0;
        while (at < length) {
            if (joined.charAt(at) == '/') {
                if (at + 1 < length && joined.charAt(at + 1) == '/') {
                    canonical = false;
                }
                at++;
                continue;
            }
            count++;
            int slash = joined.indexOf('/', at);
            at = slash < 0 ? length : slash;
        }
        String[] names = new String[count];
        at = 0;
        for (int index = 0; index < count; ) {
            if (joined.charAt(at) == '/') {
                at++;
                continue;
            }
            int slash = joined.indexOf('/', at);
            int end = slash < 0 ? length : slash;
            names[index++] = joined.substring(at, end);
            at = end;
        }
        KeelPath path = new KeelPath(fs, absolute, names);
        if (canonical) {
            path.string = joined; // already what toString() would build: no repeated or trailing slashes
        }
        return path;
    }

    static KeelPath root(KeelFileSystem fs) {
        return new KeelPath(fs, true, NO_NAMES);
    }

    static KeelPath of(KeelFileSystem fs, boolean absolute, List<String> names) {
        return new KeelPath(fs, absolute, names.toArray(NO_NAMES));
    }

    /** A path of this file system, or a {@link ProviderMismatchException} naming what it is instead. */
    static KeelPath cast(Path path) {
        if (Objects.requireNonNull(path, "path") instanceof KeelPath keel) {
            return keel;
        }
        throw new ProviderMismatchException("path (" + path + ") is not a keelfs path but a "
                + path.getFileSystem().provider().getScheme() + " path");
    }

    /** The names, not to be modified: the resolver walks them without copying. */
    String[] names() {
        return names;
    }

    boolean isEmptyPath() {
        return !absolute && names.length == 1 && names[0].isEmpty();
    }

    @Override
    public KeelFileSystem getFileSystem() {
        return fs;
    }

    @Override
    public boolean isAbsolute() {
        return absolute;
    }

    @Override
    public @Nullable KeelPath getRoot() {
        return absolute ? root(fs) : null;
    }

    @Override
    public @Nullable KeelPath getFileName() {
        if (names.length == 0) {
            return null;
        }
        if (names.length == 1 && !absolute) {
            return this;
        }
        return new KeelPath(fs, false, new String[] {names[names.length - 1]});
    }

    @Override
    public @Nullable KeelPath getParent() {
        if (names.length == 0 || (names.length == 1 && !absolute)) {
            return null;
        }
        return new KeelPath(fs, absolute, Arrays.copyOf(names, names.length - 1));
    }

    @Override
    public int getNameCount() {
        return names.length;
    }

    @Override
    public KeelPath getName(int index) {
        if (index < 0 || index >= names.length) {
            throw new IllegalArgumentException("index (" + index + ") must be in [0, " + names.length + ")");
        }
        return new KeelPath(fs, false, new String[] {names[index]});
    }

    @Override
    public KeelPath subpath(int beginIndex, int endIndex) {
        if (beginIndex < 0 || beginIndex >= names.length || endIndex <= beginIndex || endIndex > names.length) {
            throw new IllegalArgumentException("subpath [" + beginIndex + ", " + endIndex + ") of " + this
                    + " (expected: 0 <= begin < end <= " + names.length + ")");
        }
        return new KeelPath(fs, false, Arrays.copyOfRange(names, beginIndex, endIndex));
    }

    @Override
    public boolean startsWith(Path other) {
        if (!(other instanceof KeelPath that) || that.fs != fs || that.absolute != absolute) {
            return false;
        }
        if (that.isEmptyPath()) {
            return isEmptyPath();
        }
        if (that.names.length > names.length) {
            return false;
        }
        for (int i = 0; i < that.names.length; i++) {
            if (!that.names[i].equals(names[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean endsWith(Path other) {
        if (!(other instanceof KeelPath that) || that.fs != fs) {
            return false;
        }
        if (that.absolute) {
            return equals(that);
        }
        if (that.isEmptyPath()) {
            return isEmptyPath();
        }
        int offset = names.length - that.names.length;
        if (offset < 0) {
            return false;
        }
        for (int i = 0; i < that.names.length; i++) {
            if (!that.names[i].equals(names[offset + i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public KeelPath normalize() {
        List<String> kept = new ArrayList<>(names.length);
        boolean changed = false;
        for (String name : names) {
            if (name.equals(".")) {
                changed = true;
            } else if (name.equals("..")) {
                if (!kept.isEmpty() && !kept.getLast().equals("..")) {
                    kept.removeLast();
                    changed = true;
                } else if (absolute) {
                    changed = true;
                } else {
                    kept.add(name);
                }
            } else {
                kept.add(name);
            }
        }
        if (!changed) {
            return this;
        }
        if (kept.isEmpty() && !absolute) {
            kept.add("");
        }
        return of(fs, absolute, kept);
    }

    @Override
    public KeelPath resolve(Path other) {
        KeelPath that = castSameFileSystem(other);
        if (that.absolute || isEmptyPath()) {
            return that;
        }
        if (that.isEmptyPath()) {
            return this;
        }
        String[] joined = Arrays.copyOf(names, names.length + that.names.length);
        System.arraycopy(that.names, 0, joined, names.length, that.names.length);
        return new KeelPath(fs, absolute, joined);
    }

    /** This path with one more name: what listing a directory gives for each entry. */
    KeelPath resolveName(String name) {
        if (isEmptyPath()) {
            return new KeelPath(fs, false, new String[] {name});
        }
        String[] joined = Arrays.copyOf(names, names.length + 1);
        joined[names.length] = name;
        return new KeelPath(fs, absolute, joined);
    }

    @Override
    public KeelPath relativize(Path other) {
        KeelPath that = castSameFileSystem(other);
        if (that.absolute != absolute) {
            throw new IllegalArgumentException(
                    "cannot relativize " + other + " against " + this + ": one is absolute and the other is not");
        }
        if (equals(that)) {
            return new KeelPath(fs, false, new String[] {""});
        }
        if (isEmptyPath()) {
            return that;
        }
        String[] theirs = that.isEmptyPath() ? NO_NAMES : that.names;
        int common = 0;
        while (common < names.length && common < theirs.length && names[common].equals(theirs[common])) {
            common++;
        }
        List<String> result = new ArrayList<>();
        for (int i = common; i < names.length; i++) {
            result.add("..");
        }
        result.addAll(Arrays.asList(theirs).subList(common, theirs.length));
        if (result.isEmpty()) {
            result.add("");
        }
        return of(fs, false, result);
    }

    @Override
    public URI toUri() {
        try {
            return new URI(
                    KeelFileSystemProvider.SCHEME, fs.name(), toAbsolutePath().toString(), null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("path " + this + " has no URI", e);
        }
    }

    @Override
    public KeelPath toAbsolutePath() {
        return absolute ? this : fs.workingDirectory().resolve(this);
    }

    @Override
    public KeelPath toRealPath(LinkOption... options) throws IOException {
        return fs.tree().toRealPath(this, Options.followLinks(options));
    }

    @Override
    public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers)
            throws IOException {
        Objects.requireNonNull(watcher, "watcher");
        if (!(watcher instanceof KeelWatchService service) || service.fileSystem() != fs) {
            throw new ProviderMismatchException("watcher (" + watcher + ") is not a watch service of " + fs);
        }
        return service.register(this, events, modifiers);
    }

    @Override
    public int compareTo(Path other) {
        return toString().compareTo(cast(other).toString());
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof KeelPath that
                && that.fs == fs
                && that.absolute == absolute
                && Arrays.equals(that.names, names);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(names) * 31 + (absolute ? 1 : 0);
    }

    @Override
    public String toString() {
        String s = string;
        if (s == null) {
            s = (absolute ? "/" : "") + String.join("/", names);
            string = s;
        }
        return s;
    }

    private KeelPath castSameFileSystem(Path other) {
        KeelPath that = cast(other);
        if (that.fs != fs) {
            throw new ProviderMismatchException("path (" + other + ") belongs to another keel file system");
        }
        return that;
    }
}
