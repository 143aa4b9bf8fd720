package dev.keel.fs;

import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;

/**
 * The reasons Linux's default provider gives when it throws a plain {@link FileSystemException}: the text of
 * {@code strerror} for the errno, so a message from keel-fs reads like one from the disk.
 */
final class Errno {

    static final String NOT_A_DIRECTORY = "Not a directory";
    static final String IS_A_DIRECTORY = "Is a directory";
    static final String NO_SPACE = "No space left on device";
    static final String INVALID_ARGUMENT = "Invalid argument";
    static final String NOT_PERMITTED = "Operation not permitted";
    static final String NAME_TOO_LONG = "File name too long";
    static final String BUSY = "Device or resource busy";
    static final String LOOP = "Too many levels of symbolic links";

    private Errno() {}

    static FileSystemException notADirectory(String path) {
        return new FileSystemException(path, null, NOT_A_DIRECTORY);
    }

    /** ELOOP, as the subclass that says so; the default provider throws its superclass with this reason. */
    static FileSystemException loop(String path) {
        return new SymbolicLinkLoopException(path);
    }

    /** A {@link FileSystemLoopException} whose message gives Linux's reason as well as the path. */
    static final class SymbolicLinkLoopException extends FileSystemLoopException {
        private static final long serialVersionUID = 1L;

        SymbolicLinkLoopException(String path) {
            super(path);
        }

        @Override
        public String getReason() {
            return LOOP;
        }
    }
}
