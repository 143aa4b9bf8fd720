package dev.keel.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DurableFilesTest {

    @TempDir
    Path dir;

    private long filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.count();
        }
    }

    @Test
    void replace_createsThenReplacesTheTarget_leavingNoTemporaryFiles() throws IOException {
        Path target = dir.resolve("checkpoint.bin");
        DurableFiles.replace(target, "first".getBytes(StandardCharsets.UTF_8));
        assertThat(target).hasContent("first");
        DurableFiles.replace(target, out -> out.write("second, longer".getBytes(StandardCharsets.UTF_8)));
        assertThat(target).hasContent("second, longer");
        assertThat(filesIn(dir)).isEqualTo(1);
    }

    @Test
    void replace_writerFails_leavesTheOldContentsAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("state.json");
        Files.writeString(target, "old");
        assertThatThrownBy(() -> DurableFiles.replace(target, out -> {
                    out.write("half of the new".getBytes(StandardCharsets.UTF_8));
                    throw new IOException("disk full");
                }))
                .isInstanceOf(IOException.class)
                .hasMessage("disk full");
        assertThat(target).hasContent("old");
        assertThat(filesIn(dir)).isEqualTo(1);
    }

    @Test
    void replace_largeContent_isWrittenWhole() throws IOException {
        Path target = dir.resolve("big");
        byte[] bytes = new byte[3 * 1024 * 1024 + 17];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        DurableFiles.replace(target, bytes);
        assertThat(Files.readAllBytes(target)).isEqualTo(bytes);
    }

    @Test
    void stage_leavesTheTargetAloneUntilCommit_thenReplacesIt() throws IOException {
        Path target = dir.resolve("ledger.snapshot");
        Files.writeString(target, "old");
        try (DurableFiles.Staged staged =
                DurableFiles.stage(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)))) {
            assertThat(target).hasContent("old");
            assertThat(staged.size()).isEqualTo(3);
            assertThat(filesIn(dir)).isEqualTo(2);
            staged.commit();
            assertThatThrownBy(staged::commit).isInstanceOf(IllegalStateException.class);
        }
        assertThat(target).hasContent("new");
        assertThat(filesIn(dir)).isEqualTo(1);
    }

    @Test
    void stage_closedWithoutCommit_deletesTheTemporaryFileAndKeepsTheTarget() throws IOException {
        Path target = dir.resolve("ledger.snapshot");
        Files.writeString(target, "old");
        try (DurableFiles.Staged staged =
                DurableFiles.stage(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)))) {
            assertThat(staged.target()).isEqualTo(target.toAbsolutePath());
        }
        assertThat(target).hasContent("old");
        assertThat(filesIn(dir)).isEqualTo(1);
    }

    @Test
    void stage_writerFails_leavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("state");
        assertThatThrownBy(() -> DurableFiles.stage(target, out -> {
                    throw new IOException("encoding failed");
                }))
                .hasMessage("encoding failed");
        assertThat(filesIn(dir)).isZero();
    }

    @Test
    void deleteAbandoned_removesOnlyTheTargetsOwnTemporaryFiles() throws IOException {
        Path target = dir.resolve("ledger.snapshot");
        Files.writeString(target, "kept");
        Files.writeString(dir.resolve(".ledger.snapshot.123.tmp"), "half");
        Files.writeString(dir.resolve(".ledger.snapshot.456.tmp"), "half");
        Files.writeString(dir.resolve(".other.789.tmp"), "someone else's");
        assertThat(DurableFiles.deleteAbandoned(target)).isEqualTo(2);
        assertThat(target).hasContent("kept");
        assertThat(dir.resolve(".other.789.tmp")).exists();
        assertThat(DurableFiles.deleteAbandoned(dir.resolve("missing/file"))).isZero();
    }

    @Test
    void forceDirectory_ofAMissingDirectory_fails() {
        assertThatThrownBy(() -> DurableFiles.forceDirectory(dir.resolve("missing")))
                .isInstanceOf(IOException.class);
    }
}
