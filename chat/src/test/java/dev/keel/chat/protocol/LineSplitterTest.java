package dev.keel.chat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The push framing the event loop uses: lines split across feeds, over-long lines dropped as they arrive. */
@ExtendWith(SeedExtension.class)
final class LineSplitterTest {

    private static List<LineReader.Line> drain(LineSplitter splitter) {
        List<LineReader.Line> lines = new ArrayList<>();
        for (LineReader.Line line; (line = splitter.poll()) != null; ) {
            lines.add(line);
        }
        return lines;
    }

    private static void feed(LineSplitter splitter, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        splitter.feed(bytes, 0, bytes.length);
    }

    @Test
    void poll_lineSplitAcrossFeeds_waitsForItsEnd() {
        LineSplitter splitter = new LineSplitter();
        feed(splitter, "PRIVMSG #c :hel");
        assertThat(splitter.poll()).isNull();
        assertThat(splitter.buffered()).isEqualTo(15);
        feed(splitter, "lo\r");
        assertThat(drain(splitter)).containsExactly(new LineReader.Text("PRIVMSG #c :hello", 17));
        feed(splitter, "\nNEXT\n");
        assertThat(drain(splitter)).containsExactly(new LineReader.Text("NEXT", 4));
        assertThat(splitter.buffered()).isZero();
    }

    @Test
    void poll_overLongLineFedInPieces_isReportedWholeAndHoldsAtMostALine() {
        LineSplitter splitter = new LineSplitter();
        List<LineReader.Line> lines = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            feed(splitter, "x".repeat(1000));
            lines.addAll(drain(splitter));
            assertThat(splitter.buffered()).isLessThanOrEqualTo(LineReader.MAX_BODY + 1);
        }
        feed(splitter, "\r\nOK\r\n");
        lines.addAll(drain(splitter));
        assertThat(lines).containsExactly(new LineReader.TooLong(100_000), new LineReader.Text("OK", 2));
    }

    @Test
    void poll_unpolledInput_isCountedAsBuffered() {
        LineSplitter splitter = new LineSplitter();
        for (int i = 0; i < 400; i++) {
            feed(splitter, "PRIVMSG victim :flood " + i + "\r\n");
        }
        assertThat(splitter.buffered()).isGreaterThan(8 << 10);
        assertThat(drain(splitter)).hasSize(400);
        assertThat(splitter.buffered()).isZero();
    }

    @Test
    void poll_randomFeedSizes_giveTheSameLinesAsOneFeed(SeededRandom random) {
        StringBuilder input = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String line = "PRIVMSG #c :" + "é".repeat(random.nextInt(5)) + i;
            expected.add(line);
            input.append(line).append(List.of("\r\n", "\n", "\r").get(random.nextInt(3)));
        }
        byte[] bytes = input.toString().getBytes(StandardCharsets.UTF_8);
        LineSplitter splitter = new LineSplitter();
        List<String> got = new ArrayList<>();
        for (int at = 0; at < bytes.length; ) {
            int length = Math.min(bytes.length - at, 1 + random.nextInt(40));
            splitter.feed(bytes, at, length);
            at += length;
            for (LineReader.Line line : drain(splitter)) {
                got.add(((LineReader.Text) line).text());
            }
        }
        assertThat(got).isEqualTo(expected);
    }
}
