package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real {@code ./keel} launcher script's JDK detection against fake JDKs: a directory with {@code bin/java} and
 * a {@code release} file is all the script reads, so no real JDK 17 or 25 is needed. Every path has a space in it,
 * because users' paths do.
 */
final class LauncherTest {

    private record Result(int exitCode, String out, String err) {}

    @TempDir
    Path temp;

    private Path launcher() throws IOException {
        Path source = Path.of(System.getProperty("keel.root", ".."), "keel")
                .toAbsolutePath()
                .normalize();
        Path copy = Files.createDirectories(temp.resolve("my keel")).resolve("keel");
        Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
        return copy;
    }

    private Path fakeJdk(Path jvmDir, String name, String version) throws IOException {
        Path home = Files.createDirectories(jvmDir.resolve(name));
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"openjdk version \\\"" + version + "\\\"\" >&2\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Fake\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }

    private Result runJdk(Path launcher, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", launcher.toString(), "jdk"));
        builder.environment().remove("JAVA_HOME");
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), out, err);
    }

    @Test
    void javaHomeIsJdk17_andNoJdk25Installed_failsSayingWhatToInstall() throws Exception {
        Path jvmDir = temp.resolve("jvm dir");
        Path jdk17 = fakeJdk(jvmDir, "java-17 openjdk", "17.0.15");

        Result result = runJdk(launcher(), Map.of("JAVA_HOME", jdk17.toString(), "KEEL_JVM_DIR", jvmDir.toString()));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err())
                .startsWith("keel: needs a JDK 25 or newer and found none: JAVA_HOME (" + jdk17 + ") is Java 17, and "
                        + jvmDir + " has java-17 openjdk (17).")
                .contains("Install a JDK 25")
                .contains("export JAVA_HOME=");
    }

    @Test
    void noJavaHome_andEmptyJvmDir_failsClearly() throws Exception {
        Result result = runJdk(
                launcher(), Map.of("KEEL_JVM_DIR", temp.resolve("nothing here").toString()));
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("JAVA_HOME is not set", "has no JDK");
    }

    @Test
    void javaHomeIsJdk17_picksTheNewestJdk25PlusUnderTheJvmDir() throws Exception {
        Path jvmDir = temp.resolve("jvm dir");
        Path jdk17 = fakeJdk(jvmDir, "java-17-openjdk", "17.0.15");
        fakeJdk(jvmDir, "temurin-25-jdk", "25.0.3");
        Path jdk26 = fakeJdk(jvmDir, "jdk 26", "26-ea");
        fakeJdk(jvmDir, "legacy-8", "1.8.0_402");

        Result result = runJdk(launcher(), Map.of("JAVA_HOME", jdk17.toString(), "KEEL_JVM_DIR", jvmDir.toString()));

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo(jdk26 + "\n");
    }

    @Test
    void javaHomeIsJdk25_isUsedAsIs() throws Exception {
        Path jvmDir = temp.resolve("jvm dir");
        fakeJdk(jvmDir, "jdk-26", "26");
        Path chosen = fakeJdk(temp.resolve("elsewhere"), "my jdk 25", "25");

        Result result = runJdk(launcher(), Map.of("JAVA_HOME", chosen.toString(), "KEEL_JVM_DIR", jvmDir.toString()));

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo(chosen + "\n");
    }
}
