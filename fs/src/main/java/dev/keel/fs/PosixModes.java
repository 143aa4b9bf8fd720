package dev.keel.fs;

import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/** Unix permission bits and {@link PosixFilePermission} sets, both ways, and the umask new files are created with. */
final class PosixModes {

    /** The umask every keel file system creates with, as a login shell's default: group and others lose write. */
    static final int UMASK = 022;

    static final int DEFAULT_FILE_MODE = 0666 & ~UMASK;
    static final int DEFAULT_DIRECTORY_MODE = 0777 & ~UMASK;

    private static final PosixFilePermission[] BY_BIT = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ
    };

    private PosixModes() {}

    static int toMode(Set<?> permissions) {
        int mode = 0;
        for (int bit = 0; bit < BY_BIT.length; bit++) {
            if (permissions.contains(BY_BIT[bit])) {
                mode |= 1 << bit;
            }
        }
        for (Object permission : permissions) {
            if (!(permission instanceof PosixFilePermission)) {
                throw new ClassCastException(
                        "permission (" + permission + ") is not a PosixFilePermission but a " + permission.getClass());
            }
        }
        return mode;
    }

    static Set<PosixFilePermission> toPermissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        for (int bit = 0; bit < BY_BIT.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                permissions.add(BY_BIT[bit]);
            }
        }
        return permissions;
    }

    /** {@code rwxr-xr-x} for {@code 0755}, as {@code ls -l} shows it. */
    static String toString(int mode) {
        return java.nio.file.attribute.PosixFilePermissions.toString(toPermissions(mode));
    }

    /**
     * The mode a new node gets: {@code defaultMode}, or the {@code posix:permissions} attribute minus the umask (as
     * {@code open(2)} and {@code mkdir(2)} apply it). Any other initial attribute is unsupported, as on Linux.
     */
    static int initialMode(int defaultMode, FileAttribute<?>... attributes) {
        int mode = defaultMode;
        for (FileAttribute<?> attribute : attributes) {
            String name = attribute.name();
            if (!name.equals("posix:permissions") && !name.equals("unix:permissions")) {
                throw new UnsupportedOperationException("'" + name + "' not supported as initial attribute");
            }
            if (!(attribute.value() instanceof Set<?> permissions)) {
                throw new IllegalArgumentException(
                        "attribute " + name + " (" + attribute.value() + ") must be a Set<PosixFilePermission>");
            }
            mode = toMode(permissions) & ~UMASK;
        }
        return mode;
    }
}
