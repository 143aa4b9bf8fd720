package dev.keel.bench.kv;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds a program on the {@code PATH}, as a shell would. Stateless. */
final class Executables {

    private Executables() {}

    /**
     * The first executable file named {@code name} in the {@code PATH}'s directories.
     *
     * @throws MissingProgramException if there is none; its message names the Debian package that installs it
     */
    static Path find(String name, String debianPackage) throws MissingProgramException {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/local/bin:/usr/bin:/bin");
        for (String directory : path.split(File.pathSeparator, -1)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new MissingProgramException(name + " was not found on the PATH (" + path + "); install Debian's "
                + debianPackage + " package: sudo apt-get install " + debianPackage);
    }

    /** A program the harness needs is not installed. */
    static final class MissingProgramException extends Exception {
        private static final long serialVersionUID = 1L;

        MissingProgramException(String message) {
            super(message);
        }
    }
}
