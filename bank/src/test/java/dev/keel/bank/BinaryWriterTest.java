package dev.keel.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link BinaryWriter} writes exactly what {@code DataOutputStream} with {@code String.getBytes(UTF_8)} wrote (the
 * format the log and snapshots already hold), in memory and through a sink whose buffer fills many times.
 */
@ExtendWith(SeedExtension.class)
final class BinaryWriterTest {

    private static final String[] ALPHABETS = {
        "abcXYZ019_.:-", "é£€ßüñ", "日本語中文", "\uD83D\uDE00\uD83C\uDF89", "\u0000\u007F\u0080\u07FF\u0800"
    };

    /** One write, done by BinaryWriter and by the reference (DataOutputStream, as the codecs did before). */
    private record Write(Ours ours, Reference reference) {}

    @FunctionalInterface
    private interface Ours {
        void to(BinaryWriter out) throws IOException;
    }

    @FunctionalInterface
    private interface Reference {
        void to(DataOutputStream out) throws IOException;
    }

    private static byte[] reference(List<Write> writes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (Write write : writes) {
                write.reference().to(out);
            }
        }
        return bytes.toByteArray();
    }

    private static void write(BinaryWriter out, List<Write> writes) throws IOException {
        for (Write write : writes) {
            write.ours().to(out);
        }
    }

    private static Write string(String s) {
        return new Write(out -> out.writeString(s), out -> {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            out.writeShort(utf8.length);
            out.write(utf8);
        });
    }

    private static List<Write> randomWrites(SeededRandom random, int count) {
        List<Write> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            switch (random.nextInt(6)) {
                case 0 -> {
                    long l = random.nextLong();
                    values.add(new Write(out -> out.writeLong(l), out -> out.writeLong(l)));
                }
                case 1 -> {
                    int v = random.nextInt();
                    values.add(new Write(out -> out.writeInt(v), out -> out.writeInt(v)));
                }
                case 2 -> {
                    int v = random.nextInt();
                    values.add(new Write(out -> out.writeShort(v), out -> out.writeShort(v)));
                }
                case 3 -> {
                    int v = random.nextInt();
                    values.add(new Write(out -> out.writeByte(v), out -> out.writeByte(v)));
                }
                case 4 -> {
                    byte[] raw = random.nextBytes(random.nextInt(100));
                    values.add(new Write(out -> out.write(raw), out -> out.write(raw)));
                }
                default -> {
                    String alphabet = random.chance(3, 4) ? ALPHABETS[0] : random.pick(List.of(ALPHABETS));
                    StringBuilder text = new StringBuilder();
                    int length = random.chance(1, 50) ? random.nextInt(10_000) : random.nextInt(40);
                    while (text.length() < length) {
                        int at = random.nextInt(alphabet.length());
                        if (Character.isHighSurrogate(alphabet.charAt(at))) {
                            text.append(alphabet, at, at + 2);
                        } else if (!Character.isLowSurrogate(alphabet.charAt(at))) {
                            text.append(alphabet.charAt(at));
                        }
                    }
                    values.add(string(text.toString()));
                }
            }
        }
        return values;
    }

    @Test
    void inMemory_writesWhatDataOutputStreamWrote(SeededRandom random) throws IOException {
        for (int round = 0; round < 200; round++) {
            List<Write> values = randomWrites(random, random.nextInt(1, 200));
            BinaryWriter out = BinaryWriter.inMemory(16);
            write(out, values);
            assertThat(out.toByteArray()).as("round %d", round).isEqualTo(reference(values));
        }
    }

    @Test
    void toSink_flushesEverything_andChecksumsWhatItFlushed(SeededRandom random) throws IOException {
        for (int round = 0; round < 20; round++) {
            List<Write> values = randomWrites(random, 5_000);
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            CRC32C crc = new CRC32C();
            BinaryWriter out = BinaryWriter.to(sink, crc, 1 << 10);
            write(out, values);
            out.flush();
            byte[] expected = reference(values);
            assertThat(sink.toByteArray()).as("round %d", round).isEqualTo(expected);
            CRC32C whole = new CRC32C();
            whole.update(expected);
            assertThat(crc.getValue()).isEqualTo(whole.getValue());
        }
    }

    @Test
    void writeString_atTheLimit_isWritten_andPastIt_isRefusedByName() throws IOException {
        BinaryWriter out = BinaryWriter.inMemory(16);
        out.writeString("a".repeat(65_535));
        assertThat(out.toByteArray()).hasSize(65_537);
        assertThatThrownBy(() -> out.writeString("a".repeat(65_536)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("string of 65536 bytes is too long (at most 65535)");
        assertThatThrownBy(() -> out.writeString("é".repeat(40_000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("string of 80000 bytes is too long (at most 65535)");
        assertThat(out.toByteArray())
                .as("a refused string leaves nothing behind")
                .hasSize(65_537);
    }
}
