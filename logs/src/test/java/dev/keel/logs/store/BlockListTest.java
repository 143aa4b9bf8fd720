package dev.keel.logs.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SeedExtension.class)
final class BlockListTest {

    /** Blocks that overlap in time, as out-of-order entries make them: binary search finds exactly what a scan does. */
    @Test
    void overlapping_overlappingBlocks_matchesALinearScan(SeededRandom random) {
        for (int round = 0; round < 200; round++) {
            List<BlockMeta> blocks = new ArrayList<>();
            long clock = 0;
            for (int i = 0; i < random.nextInt(0, 40); i++) {
                clock += random.nextInt(0, 100);
                long min = clock - random.nextInt(0, 150);
                long max = Math.max(min, clock + random.nextInt(0, 50));
                blocks.add(new BlockMeta(
                        i,
                        new StreamKey("s", new TreeMap<>()),
                        min,
                        max,
                        1,
                        new int[] {0, 0, 1, 0, 0, 0, 0, 0, 0},
                        NgramBloom.of(List.of()),
                        0,
                        1,
                        1,
                        new BlockLayout(0, 0, 1, new int[1], new int[1], BodyCompression.ZSTD),
                        new int[0]));
            }
            BlockList list = BlockList.of(blocks);
            for (int query = 0; query < 20; query++) {
                long start = random.nextLong(-200, clock + 100);
                long end = start + random.nextLong(0, 300);
                List<BlockMeta> expected =
                        blocks.stream().filter(b -> b.overlaps(start, end)).toList();
                assertThat(list.overlapping(start, end))
                        .as("[%d, %d)", start, end)
                        .isEqualTo(expected);
            }
        }
    }
}
