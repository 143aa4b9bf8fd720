package dev.keel.chat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.Gens;
import dev.keel.testing.Property;
import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SeedExtension.class)
final class LineReaderTest {

    private static List<LineReader.Line> readAll(byte[] bytes) throws IOException {
        return readAll(new ByteArrayInputStream(bytes));
    }

    private static List<LineReader.Line> readAll(InputStream in) throws IOException {
        LineReader reader = new LineReader(in);
        List<LineReader.Line> lines = new ArrayList<>();
        LineReader.Line line;
        while (!((line = reader.next()) instanceof LineReader.End)) {
            lines.add(line);
        }
        return lines;
    }

    private static List<String> texts(String input) throws IOException {
        return readAll(input.getBytes(StandardCharsets.UTF_8)).stream()
                .map(line -> ((LineReader.Text) line).text())
                .toList();
    }

    @Test
    void next_crlfLfAndCr_allEndALine_emptyLinesSkipped() throws IOException {
        assertThat(texts("A\r\nB\nC\rD\r\n\r\n\nE\n")).containsExactly("A", "B", "C", "D", "E");
    }

    @Test
    void next_partialLineAtEnd_isDropped() throws IOException {
        assertThat(texts("A\r\nPARTIAL")).containsExactly("A");
    }

    @Test
    void next_510ByteBody_fits_511IsTooLong_andTheNextLineStillReads() throws IOException {
        String fits = "P".repeat(510);
        String tooLong = "Q".repeat(511);
        List<LineReader.Line> lines =
                readAll((fits + "\r\n" + tooLong + "\r\nNEXT\r\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(lines)
                .containsExactly(
                        new LineReader.Text(fits, 510), new LineReader.TooLong(511), new LineReader.Text("NEXT", 4));
    }

    @Test
    void next_hugeLine_isSkippedWholeWithoutHoldingIt() throws IOException {
        String huge = "X".repeat(1_000_000);
        assertThat(readAll((huge + "\nOK\n").getBytes(StandardCharsets.US_ASCII)))
                .containsExactly(new LineReader.TooLong(1_000_000), new LineReader.Text("OK", 2));
    }

    @Test
    void next_taggedLine_mayCarryTagsBeyond512_butNotABodyBeyond510() throws IOException {
        String tags = "@" + "k=" + "v".repeat(4000);
        String ok = tags + " " + "B".repeat(510);
        String bad = tags + " " + "B".repeat(511);
        List<LineReader.Line> lines = readAll((ok + "\n" + bad + "\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(lines.get(0)).isEqualTo(new LineReader.Text(ok, ok.length()));
        assertThat(lines.get(1)).isEqualTo(new LineReader.TooLong(bad.length()));
    }

    @Test
    void next_invalidUtf8_fallsBackToLatin1() throws IOException {
        byte[] latin1 = "PRIVMSG #a :caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] utf8 = "PRIVMSG #a :caf\u00e9\n".getBytes(StandardCharsets.UTF_8);
        assertThat(((LineReader.Text) readAll(latin1).getFirst()).text()).isEqualTo("PRIVMSG #a :caf\u00e9");
        assertThat(((LineReader.Text) readAll(utf8).getFirst()).text()).isEqualTo("PRIVMSG #a :caf\u00e9");
    }

    @Test
    void next_anyChunking_givesTheSameLines(SeededRandom random) {
        Property.forAll(random, 300, Gens.lists(Gens.strings("ab :\r\n", 0, 700), 1, 20), pieces -> {
            byte[] input = String.join("", pieces).getBytes(StandardCharsets.US_ASCII);
            try {
                List<LineReader.Line> whole = readAll(input);
                List<LineReader.Line> trickled = readAll(new TrickleStream(input, random.split()));
                assertThat(trickled).isEqualTo(whole);
                for (LineReader.Line line : whole) {
                    if (line instanceof LineReader.Text text) {
                        assertThat(text.bytes()).isBetween(1, LineReader.MAX_BODY);
                    } else {
                        assertThat(((LineReader.TooLong) line).bytes()).isGreaterThan(LineReader.MAX_BODY);
                    }
                }
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    /** Returns at most a few random bytes per read, as a slow network does. */
    private static final class TrickleStream extends InputStream {
        private final ByteArrayInputStream in;
        private final SeededRandom random;

        TrickleStream(byte[] bytes, SeededRandom random) {
            this.in = new ByteArrayInputStream(bytes);
            this.random = random;
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            return in.read(buffer, offset, Math.min(length, 1 + random.nextInt(7)));
        }
    }

    @Test
    void backlog_countsBufferedAndUnreadBytes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("A\nBB\nCCC\n".getBytes(StandardCharsets.US_ASCII));
        LineReader reader = new LineReader(new ByteArrayInputStream(bytes.toByteArray()));
        reader.next();
        assertThat(reader.backlog()).isEqualTo(7);
    }
}
