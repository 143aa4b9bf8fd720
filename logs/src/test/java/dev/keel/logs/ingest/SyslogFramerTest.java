package dev.keel.logs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SeedExtension.class)
final class SyslogFramerTest {

    private static List<SyslogFramer.Frame> frames(InputStream in, int max) throws IOException {
        SyslogFramer framer = new SyslogFramer(in, max);
        List<SyslogFramer.Frame> frames = new ArrayList<>();
        SyslogFramer.Frame frame;
        while ((frame = framer.next()) != null) {
            frames.add(frame);
        }
        return frames;
    }

    /** As {@link #frames(InputStream, int)}, asking {@code hasCompleteFrame()} first at random (as the listener does). */
    private static List<SyslogFramer.Frame> framesProbing(InputStream in, int max, SeededRandom random)
            throws IOException {
        SyslogFramer framer = new SyslogFramer(in, max);
        List<SyslogFramer.Frame> frames = new ArrayList<>();
        while (true) {
            if (random.nextBoolean()) {
                framer.hasCompleteFrame();
            }
            SyslogFramer.Frame frame = framer.next();
            if (frame == null) {
                return frames;
            }
            frames.add(frame);
        }
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void bothFramings_onOneStream_crlfAndMissingFinalNewline() throws IOException {
        String stream = "<13>1 a b\r\n9 <13>1 c\nd\n<13>Oct 11 22:14:15 h t: x\n\n7 <1>two\n<14>last";

        assertThat(frames(bytes(stream), 1000))
                .containsExactly(
                        new SyslogFramer.Message("<13>1 a b"),
                        new SyslogFramer.Message("<13>1 c\nd"),
                        new SyslogFramer.Message("<13>Oct 11 22:14:15 h t: x"),
                        new SyslogFramer.Message("<1>two"),
                        new SyslogFramer.Message("<14>last"));
    }

    @Test
    void overLongFrames_areReportedAndSkipped_theStreamCarriesOn(SeededRandom random) throws IOException {
        String stream = "30 <13>" + "x".repeat(26) + "ok\n" + "<13>" + "y".repeat(50) + "\n<13>fine\n";

        List<SyslogFramer.Frame> frames = frames(bytes(stream), 20);

        assertThat(framesProbing(bytes(stream), 20, random)).isEqualTo(frames);
        assertThat(frames).hasSize(4);
        assertThat(frames.get(0))
                .isInstanceOfSatisfying(
                        SyslogFramer.Bad.class,
                        bad -> assertThat(bad.reason())
                                .isEqualTo("octet-counted frame of 30 bytes exceeds the limit of 20"));
        assertThat(frames.get(1)).isEqualTo(new SyslogFramer.Message("ok"));
        assertThat(frames.get(2)).isInstanceOf(SyslogFramer.Bad.class);
        assertThat(frames.get(3)).isEqualTo(new SyslogFramer.Message("<13>fine"));
    }

    /** The same messages, framed at random and delivered in random-sized reads, come out whole and in order. */
    @Test
    void randomFramingAndReadSizes_roundTrip(SeededRandom random) throws IOException {
        List<String> messages = new ArrayList<>();
        StringBuilder stream = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            String message = "<" + random.nextInt(192) + ">1 msg " + i + " " + "\u00e9".repeat(random.nextInt(5));
            messages.add(message);
            if (random.nextBoolean()) {
                stream.append(message.getBytes(StandardCharsets.UTF_8).length)
                        .append(' ')
                        .append(message);
            } else {
                stream.append(message).append(random.nextBoolean() ? "\n" : "\r\n");
            }
        }
        byte[] all = stream.toString().getBytes(StandardCharsets.UTF_8);
        InputStream trickle = new InputStream() {
            int at;

            @Override
            public int read() {
                return at < all.length ? all[at++] & 0xFF : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (at >= all.length) {
                    return -1;
                }
                int n = Math.min(Math.min(len, all.length - at), random.nextInt(1, 40));
                System.arraycopy(all, at, b, off, n);
                at += n;
                return n;
            }
        };

        assertThat(framesProbing(trickle, 1000, random))
                .containsExactlyElementsOf(messages.stream()
                        .map(m -> (SyslogFramer.Frame) new SyslogFramer.Message(m))
                        .toList());
    }
}
