package dev.keel.logs.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.logs.LogsException;
import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SeedExtension.class)
final class BodyCompressionTest {

    private static final ByteSource WHERE = new ByteSource(new byte[0], 0, 0, "block 3");

    private static byte[] zstd(byte[] raw) {
        try (BodyCompression.Compressor compressor = new BodyCompression.Compressor()) {
            return compressor.compress(raw, raw.length);
        }
    }

    private static byte[] logText(int lines) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            text.append("2026-11-28 09:")
                    .append(i % 60)
                    .append(" status installed libfoo")
                    .append(i % 17);
            text.append(":amd64 1.").append(i).append('\0');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void zstd_roundTrips_randomAndRepetitiveStreams_atAnyOffset(SeededRandom random) {
        for (int round = 0; round < 40; round++) {
            byte[] raw =
                    random.nextBoolean() ? logText(random.nextInt(0, 300)) : random.nextBytes(random.nextInt(0, 5000));
            byte[] frame = zstd(raw);
            byte[] file = new byte[7 + frame.length + 5];
            System.arraycopy(frame, 0, file, 7, frame.length);
            assertThat(BodyCompression.ZSTD.decompress(file, 7, frame.length, raw.length, WHERE))
                    .isEqualTo(raw);
        }
    }

    @Test
    void zstd_compressesLogTextBetterThanItsSize() {
        byte[] raw = logText(1000);
        assertThat(zstd(raw).length).isLessThan(raw.length / 5);
    }

    @Test
    void decompress_frameOfAnotherSize_isCorruptNamingBoth() {
        byte[] raw = logText(100);
        byte[] frame = zstd(raw);

        assertThatThrownBy(() -> BodyCompression.ZSTD.decompress(frame, 0, frame.length, raw.length + 1, WHERE))
                .isInstanceOf(LogsException.class)
                .hasMessageContaining("block 3")
                .hasMessageContaining("decompresses to " + raw.length + " bytes (expected: " + (raw.length + 1));
        assertThatThrownBy(() -> BodyCompression.ZSTD.decompress(frame, 0, frame.length, raw.length - 1, WHERE))
                .isInstanceOf(LogsException.class)
                .hasMessageContaining("does not decompress into " + (raw.length - 1) + " bytes");
    }

    @Test
    void decompress_truncatedOrGarbageFrame_isCorrupt(SeededRandom random) {
        byte[] raw = logText(200);
        byte[] frame = zstd(raw);
        byte[] truncated = Arrays.copyOf(frame, frame.length - 3);
        byte[] garbage = random.nextBytes(frame.length);

        for (byte[] bad : new byte[][] {truncated, garbage}) {
            assertThatThrownBy(() -> BodyCompression.ZSTD.decompress(bad, 0, bad.length, raw.length, WHERE))
                    .isInstanceOf(LogsException.class)
                    .extracting(e -> ((LogsException) e).code())
                    .isEqualTo(LogsException.Code.CORRUPT);
            assertThatThrownBy(() -> BodyCompression.DEFLATE.decompress(bad, 0, bad.length, raw.length, WHERE))
                    .isInstanceOf(LogsException.class)
                    .extracting(e -> ((LogsException) e).code())
                    .isEqualTo(LogsException.Code.CORRUPT);
        }
    }

    @Test
    void decompress_streamPastTheFileEnd_isCorruptBeforeReading() {
        byte[] frame = zstd(logText(10));

        assertThatThrownBy(() -> BodyCompression.ZSTD.decompress(frame, 2, frame.length, 100, WHERE))
                .isInstanceOf(LogsException.class)
                .hasMessageContaining("a stream of " + frame.length + " bytes at 2 past the file's end");
    }
}
