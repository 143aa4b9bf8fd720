package dev.keel.logs.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.logs.LogEntry;
import dev.keel.logs.LogLevel;
import dev.keel.logs.LogsException;
import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** KLB5's timestamp byte planes round-trip any sorted timestamps, and refuse planes that do not fit the block. */
@ExtendWith(SeedExtension.class)
final class BlockColumnsTest {

    private static final StreamKey STREAM = new StreamKey("app", new TreeMap<>(Map.of()));

    private static List<LogEntry> entries(long[] nanos) {
        List<LogEntry> entries = new ArrayList<>();
        for (int i = 0; i < nanos.length; i++) {
            entries.add(new LogEntry(LogEntry.instantOf(nanos[i]), LogLevel.values()[i % 6], "app", "m" + i));
        }
        return entries;
    }

    @Test
    void roundTrip_randomSortedTimestamps_comeBackExactly(SeededRandom random) {
        long[] steps = {0, 1, 999, 1_000_000, 1_000_000_000, 1L << 40, 1L << 50};
        for (int round = 0; round < 100; round++) {
            int count = random.nextInt(1, 600);
            long[] nanos = new long[count];
            nanos[0] = random.nextLong(-(1L << 60), 1L << 60);
            long step = steps[random.nextInt(steps.length)];
            for (int i = 1; i < count; i++) {
                nanos[i] = nanos[i - 1] + (step == 0 || random.chance(1, 5) ? 0 : random.nextLong(0, step + 1));
            }
            List<LogEntry> entries = entries(nanos);
            BlockCodec.Encoded encoded = BlockCodec.encode(1, STREAM, entries, 0L);
            BlockMeta meta = BlockCodec.decodeMeta(encoded.bytes(), encoded.bytes().length, "block");

            BlockCodec.Columns columns = BlockCodec.decodeColumns(meta, encoded.bytes());
            assertThat(columns.nanos()).containsExactly(nanos);
            assertThat(BlockCodec.decodeEntries(meta, encoded.bytes())).isEqualTo(entries);
        }
    }

    @Test
    void decode_planesThatDoNotFitTheBlock_areCorrupt() {
        long[] nanos = {1_000, 2_000, 3_000};
        BlockCodec.Encoded encoded = BlockCodec.encode(4, STREAM, entries(nanos), 0L);
        BlockMeta meta = BlockCodec.decodeMeta(encoded.bytes(), encoded.bytes().length, "block");
        byte[] levels = {0, 1, 2};

        assertThatThrownBy(() -> BlockColumns.decode(columns(9, new byte[0], levels), meta))
                .isInstanceOf(LogsException.class)
                .hasMessageContaining("block 4 columns")
                .hasMessageContaining("timestamp width 9 (expected: 0 to 8 bytes)");
        assertThatThrownBy(() -> BlockColumns.decode(columns(2, new byte[] {0, 0, 0}, new byte[0]), meta))
                .isInstanceOf(LogsException.class)
                .hasMessageContaining("2 planes of 3 bytes past the columns' 4 bytes");
        // 0, +2,000, +2,000: the last lands at 5,000, past the block's newest timestamp (3,000).
        byte[] past = {0, (byte) 0xD0, (byte) 0xD0, 0, 0x07, 0x07};
        assertThatThrownBy(() -> BlockColumns.decode(columns(2, past, levels), meta))
                .isInstanceOf(LogsException.class)
                .hasMessageContaining("timestamp of entry 2 is 2000 ns after 3000")
                .extracting(e -> ((LogsException) e).code())
                .isEqualTo(LogsException.Code.CORRUPT);
        assertThatThrownBy(() -> BlockColumns.decode(columns(1, new byte[] {0, 0, 0}, new byte[] {0, 1, 9}), meta))
                .isInstanceOf(LogsException.class)
                .hasMessageContaining("level 9");
        assertThatThrownBy(() -> BlockColumns.decode(columns(0, new byte[0], new byte[] {0, 1, 2, 3}), meta))
                .isInstanceOf(LogsException.class)
                .hasMessageContaining("1 bytes after the level column");
    }

    private static byte[] columns(int width, byte[] planes, byte[] levels) {
        ByteSink sink = new ByteSink(16);
        sink.put(width);
        sink.putBytes(planes, 0, planes.length);
        sink.putBytes(levels, 0, levels.length);
        return sink.toByteArray();
    }
}
