package dev.keel.cli;

import dev.keel.fs.FsConfig;
import dev.keel.fs.FsImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The {@code keel fs} shell: Unix commands over a keel file system, one line at a time. Every command goes through
 * {@code java.nio.file} like any other client. A failing command prints one line ({@code rm: /x: No such file or
 * directory}) and the shell goes on.
 *
 * <p>Not thread-safe: one shell, one reader.
 */
final class FsShell {

    static final String HELP = """
            ls [-l] [PATH]  cd [PATH]  pwd  mkdir [-p] PATH...  touch PATH...  cat PATH...
            echo TEXT... [> FILE | >> FILE]  cp SRC DST  mv SRC DST  rm [-r] PATH...  ln [-s] TARGET LINK
            find [PATH] -name GLOB  tree [PATH]  stat PATH  du [PATH]  save [FILE]  load [FILE]  help  exit""";

    /** The command names, for completion. */
    static final java.util.List<String> COMMANDS = java.util.List.of(
            "ls", "cd", "pwd", "mkdir", "touch", "cat", "echo", "cp", "mv", "rm", "ln", "find", "tree", "stat", "du",
            "save", "load", "help", "exit");

    private FileSystem fs;
    private Path cwd;
    private final PrintWriter out;
    private final @Nullable Path image;

    FsShell(FileSystem fs, PrintWriter out, @Nullable Path image) {
        this.fs = fs;
        this.cwd = fs.getPath("/");
        this.out = out;
        this.image = image;
    }

    FileSystem fileSystem() {
        return fs;
    }

    String prompt() {
        return "keel-fs:" + cwd + "$ ";
    }

    /** Runs one line; false when the shell should exit. */
    boolean run(String line) {
        List<String> words;
        try {
            words = words(line);
        } catch (IllegalArgumentException e) {
            out.println("keel-fs: " + e.getMessage());
            out.flush();
            return true;
        }
        if (words.isEmpty()) {
            return true;
        }
        String command = words.getFirst();
        List<String> args = words.subList(1, words.size());
        try {
            switch (command) {
                case "exit", "quit" -> {
                    return false;
                }
                case "help" -> out.println(HELP);
                case "pwd" -> out.println(cwd);
                case "cd" -> cd(args);
                case "ls" -> ls(args);
                case "mkdir" -> mkdir(args);
                case "touch" -> touch(args);
                case "cat" -> cat(args);
                case "echo" -> echo(args);
                case "cp" -> Files.copy(path(arg(args, 0)), path(arg(args, 1)));
                case "mv" -> Files.move(path(arg(args, 0)), path(arg(args, 1)));
                case "rm" -> rm(args);
                case "ln" -> ln(args);
                case "find" -> find(args);
                case "tree" -> tree(args.isEmpty() ? cwd : path(args.getFirst()));
                case "stat" -> stat(path(arg(args, 0)));
                case "du" -> du(args.isEmpty() ? cwd : path(args.getFirst()));
                case "save" -> save(args);
                case "load" -> load(args);
                default -> out.println(command + ": command not found (try: help)");
            }
        } catch (IOException e) {
            out.println(command + ": " + describe(e));
        } catch (UncheckedIOException e) {
            out.println(command + ": " + describe(e.getCause()));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            out.println(command + ": " + e.getMessage());
        }
        out.flush();
        return true;
    }

    /** The one line a failure prints: the path and the reason, as a Unix shell says it. */
    static String describe(IOException e) {
        String reason = switch (e) {
            case NoSuchFileException ignored -> "No such file or directory";
            case FileAlreadyExistsException ignored -> "File exists";
            case DirectoryNotEmptyException ignored -> "Directory not empty";
            case NotDirectoryException ignored -> "Not a directory";
            case FileSystemException f -> f.getReason();
            default -> e.getMessage();
        };
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return f.getFile() + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile()) + ": " + reason;
        }
        return reason;
    }

    private Path path(String name) {
        return cwd.resolve(name);
    }

    private static String arg(List<String> args, int index) {
        if (args.size() <= index) {
            throw new IllegalArgumentException("missing operand (try: help)");
        }
        return args.get(index);
    }

    private void cd(List<String> args) throws IOException {
        Path target = args.isEmpty() ? fs.getPath("/") : path(args.getFirst());
        if (!Files.isDirectory(target)) {
            throw Files.exists(target)
                    ? new NotDirectoryException(target.toString())
                    : new NoSuchFileException(target.toString());
        }
        cwd = target.toRealPath();
    }

    private void ls(List<String> args) throws IOException {
        boolean longFormat = args.contains("-l");
        List<String> paths = args.stream().filter(a -> !a.equals("-l")).toList();
        Path dir = paths.isEmpty() ? cwd : path(paths.getFirst());
        List<Path> entries;
        if (Files.isDirectory(dir)) {
            try (Stream<Path> list = Files.list(dir)) {
                entries = list.sorted(Comparator.comparing(p -> p.getFileName().toString()))
                        .toList();
            }
        } else {
            Files.readAttributes(dir, "size", LinkOption.NOFOLLOW_LINKS);
            entries = List.of(dir);
        }
        for (Path entry : entries) {
            out.println(longFormat ? longLine(entry) : entry.getFileName().toString());
        }
    }

    private static String longLine(Path entry) throws IOException {
        PosixFileAttributes attributes =
                Files.readAttributes(entry, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        char type = attributes.isDirectory() ? 'd' : attributes.isSymbolicLink() ? 'l' : '-';
        String name = entry.getFileName().toString();
        if (attributes.isSymbolicLink()) {
            name += " -> " + Files.readSymbolicLink(entry);
        }
        return String.format(
                "%c%s %3s %-8s %10d %s %s",
                type,
                PosixFilePermissions.toString(attributes.permissions()),
                Files.getAttribute(entry, "unix:nlink", LinkOption.NOFOLLOW_LINKS),
                attributes.owner().getName(),
                attributes.size(),
                attributes.lastModifiedTime().toString().substring(0, 16).replace('T', ' '),
                name);
    }

    private void mkdir(List<String> args) throws IOException {
        boolean parents = args.contains("-p");
        for (String name : args) {
            if (!name.equals("-p")) {
                if (parents) {
                    Files.createDirectories(path(name));
                } else {
                    Files.createDirectory(path(name));
                }
            }
        }
    }

    private void touch(List<String> args) throws IOException {
        for (String name : args) {
            Path file = path(name);
            if (Files.exists(file)) {
                Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(java.time.Instant.now()));
            } else {
                Files.createFile(file);
            }
        }
    }

    private void cat(List<String> args) throws IOException {
        for (String name : args) {
            out.print(new String(Files.readAllBytes(path(name)), StandardCharsets.UTF_8));
        }
        out.flush();
    }

    private void echo(List<String> args) throws IOException {
        int redirect = -1;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals(">") || args.get(i).equals(">>")) {
                redirect = i;
                break;
            }
        }
        if (redirect < 0) {
            out.println(String.join(" ", args));
            return;
        }
        String text = String.join(" ", args.subList(0, redirect)) + "\n";
        Path file = path(arg(args, redirect + 1));
        if (args.get(redirect).equals(">>")) {
            Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } else {
            Files.writeString(file, text);
        }
    }

    private void rm(List<String> args) throws IOException {
        boolean recursive = args.contains("-r") || args.contains("-rf");
        for (String name : args) {
            if (name.startsWith("-")) {
                continue;
            }
            Path target = path(name);
            if (recursive && Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                List<Path> all;
                try (Stream<Path> walk = Files.walk(target)) {
                    all = walk.sorted(Comparator.reverseOrder()).toList();
                }
                for (Path each : all) {
                    Files.delete(each);
                }
            } else {
                Files.delete(target);
            }
        }
    }

    private void ln(List<String> args) throws IOException {
        boolean symbolic = args.contains("-s");
        List<String> operands = args.stream().filter(a -> !a.equals("-s")).toList();
        String target = arg(operands, 0);
        Path link = path(arg(operands, 1));
        if (symbolic) {
            Files.createSymbolicLink(link, fs.getPath(target));
        } else {
            Files.createLink(link, path(target));
        }
    }

    private void find(List<String> args) throws IOException {
        int name = args.indexOf("-name");
        if (name < 0) {
            throw new IllegalArgumentException("usage: find [PATH] -name GLOB");
        }
        Path start = name == 0 ? cwd : path(args.getFirst());
        PathMatcher matcher = fs.getPathMatcher("glob:" + arg(args, name + 1));
        try (Stream<Path> found = Files.find(start, Integer.MAX_VALUE, (p, a) -> {
            Path fileName = p.getFileName();
            return fileName != null && matcher.matches(fileName);
        })) {
            found.sorted().forEach(out::println);
        }
    }

    private void tree(Path root) throws IOException {
        out.println(root);
        treeLevel(root, "");
    }

    private void treeLevel(Path dir, String indent) throws IOException {
        List<Path> children;
        try (Stream<Path> list = Files.list(dir)) {
            children = list.sorted().toList();
        }
        for (int i = 0; i < children.size(); i++) {
            Path child = children.get(i);
            boolean last = i == children.size() - 1;
            String name = child.getFileName().toString();
            if (Files.isSymbolicLink(child)) {
                name += " -> " + Files.readSymbolicLink(child);
            }
            out.println(indent + (last ? "└── " : "├── ") + name);
            if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                treeLevel(child, indent + (last ? "    " : "│   "));
            }
        }
    }

    private void stat(Path file) throws IOException {
        PosixFileAttributes a = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String type = a.isDirectory() ? "directory" : a.isSymbolicLink() ? "symbolic link" : "regular file";
        out.println("  File: " + file);
        out.println("  Size: " + a.size() + "  Type: " + type + "  Inode: " + a.fileKey() + "  Links: "
                + Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS));
        out.println("Access: " + PosixFilePermissions.toString(a.permissions()) + "  Owner: "
                + a.owner().getName());
        out.println("Modify: " + a.lastModifiedTime());
    }

    private void du(Path root) throws IOException {
        long[] total = {0};
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).forEach(p -> {
                try {
                    total[0] += Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        out.println(total[0] + "\t" + root);
    }

    private Path imageArgument(List<String> args) {
        if (!args.isEmpty()) {
            return Path.of(args.getFirst());
        }
        if (image == null) {
            throw new IllegalArgumentException("no image file: give one (save FILE), or start with --image FILE");
        }
        return image;
    }

    private void save(List<String> args) throws IOException {
        Path target = imageArgument(args);
        FsImage.save(fs, target);
        out.println("saved to " + target);
    }

    private void load(List<String> args) throws IOException {
        Path source = imageArgument(args);
        FileSystem loaded = FsImage.load(source, FsConfig.unix());
        fs.close();
        fs = loaded;
        cwd = fs.getPath("/");
        out.println("loaded " + source);
    }

    /** Splits a line into words; single and double quotes group words, as in a shell. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unterminated quote " + quote);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
