package dev.keel.chat.server;

import dev.keel.testing.ManualTicker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden IRC transcripts in {@code src/test/resources/golden}: how real clients register and what they send after
 * JOIN, every command and error numeric, over real sockets against a real server. See {@link Transcript} for the
 * format and for {@code -Dkeel.golden.record=true}.
 */
final class GoldenTranscriptTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    static Stream<String> transcripts() throws IOException {
        try (Stream<Path> files = Files.list(GOLDEN)) {
            return files
                    .map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".irc"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transcripts")
    void transcript_matchesTheServer(String name) throws IOException {
        Transcript transcript = new Transcript(GOLDEN.resolve(name));
        ManualTicker time = ManualTicker.create();
        try (IrcServer server = IrcServer.start(transcript.config(time))) {
            transcript.run(server, Boolean.getBoolean("keel.golden.record"));
        }
    }
}
