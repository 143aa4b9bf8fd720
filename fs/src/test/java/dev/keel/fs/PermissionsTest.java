package dev.keel.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Permission enforcement, optional and off by default. Not compared with the real file system: the tests may run as
 * root, for whom Linux checks nothing, so the expected outcomes are the ones Linux gives an owner who is not root.
 */
final class PermissionsTest {

    private static FileSystem enforcing() {
        return KeelFs.newFileSystem(
                FsConfig.unix().toBuilder().enforcePermissions(true).build());
    }

    private static void chmod(Path path, String permissions) throws IOException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    }

    @Test
    void byDefault_permissionsAreRecordedButNotChecked() throws IOException {
        try (FileSystem fs = KeelFs.newFileSystem(FsConfig.unix())) {
            Path file = Files.writeString(fs.getPath("/f"), "x");
            chmod(file, "---------");
            assertThat(Files.readString(file)).isEqualTo("x");
        }
    }

    @Test
    void fileWithoutReadOrWrite_refusesThatAccess() throws IOException {
        try (FileSystem fs = enforcing()) {
            Path file = Files.writeString(fs.getPath("/f"), "secret");
            chmod(file, "-w-------");
            assertThatThrownBy(() -> Files.readString(file))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessage("/f");
            Files.writeString(file, "still writable");
            chmod(file, "r--------");
            assertThat(Files.readString(file)).isEqualTo("still writable");
            assertThatThrownBy(() -> Files.writeString(file, "no")).isInstanceOf(AccessDeniedException.class);
            assertThat(Files.readString(file)).isEqualTo("still writable");
        }
    }

    @Test
    void directoryWithoutSearch_hidesItsEntries_withoutWrite_refusesChanges() throws IOException {
        try (FileSystem fs = enforcing()) {
            Path dir = Files.createDirectories(fs.getPath("/d"));
            Files.writeString(dir.resolve("f"), "x");
            chmod(dir, "r-x------");
            assertThatThrownBy(() -> Files.createFile(dir.resolve("g"))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> Files.delete(dir.resolve("f"))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> Files.move(dir.resolve("f"), fs.getPath("/moved")))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(Files.readString(dir.resolve("f"))).isEqualTo("x");
            chmod(dir, "rw-------");
            assertThatThrownBy(() -> Files.readString(dir.resolve("f")))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessage("/d/f");
            chmod(dir, "-wx------");
            assertThatThrownBy(() -> Files.list(dir)).isInstanceOf(AccessDeniedException.class);
            chmod(dir, "rwx------");
            assertThat(Files.readString(dir.resolve("f"))).isEqualTo("x");
            TreeInvariants.check(fs);
        }
    }

    @Test
    void environmentKey_turnsItOn_andRejectsNonBooleans() throws IOException {
        try (FileSystem fs =
                FileSystems.newFileSystem(URI.create("keelfs:///perm-env"), Map.of("enforcePermissions", "true"))) {
            Path file = Files.writeString(fs.getPath("/f"), "x");
            chmod(file, "---------");
            assertThatThrownBy(() -> Files.readString(file)).isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> FileSystems.newFileSystem(
                        URI.create("keelfs:///perm-bad"), Map.of("enforcePermissions", "yes")))
                .hasMessage("env enforcePermissions (yes) must be true or false");
    }
}
