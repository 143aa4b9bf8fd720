package dev.keel.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The chunked history against a plain list, across chunk boundaries, with drops of the newest posting. */
final class PostingHistoryTest {

    private record Posting(long timestamp, long balance, String transfer) {}

    @Test
    void appendsAndDrops_matchAList_acrossChunkBoundaries() {
        SplittableRandom random = new SplittableRandom(42);
        PostingHistory history = new PostingHistory();
        List<Posting> model = new ArrayList<>();
        int steps = 5 * PostingHistory.CHUNK;
        for (int step = 0; step < steps; step++) {
            if (!model.isEmpty() && random.nextInt(5) == 0) {
                Posting newest = model.removeLast();
                assertThat(history.dropLast()).isEqualTo(newest.transfer());
            } else {
                Posting posting = new Posting(step, random.nextLong(), "t" + step);
                model.add(posting);
                history.append(posting.timestamp(), posting.balance(), posting.transfer());
            }
            assertThat(history.size()).isEqualTo(model.size());
        }
        assertThat(model.size()).isGreaterThan(2 * PostingHistory.CHUNK); // the test crossed chunks
        for (int i = 0; i < model.size(); i++) {
            assertThat(history.timestamp(i)).isEqualTo(model.get(i).timestamp());
            assertThat(history.balance(i)).isEqualTo(model.get(i).balance());
            assertThat(history.transfer(i)).isEqualTo(model.get(i).transfer());
        }
    }

    @Test
    void droppingBackAcrossAChunkBoundary_thenAppendingAgain_reusesTheChunk() {
        PostingHistory history = new PostingHistory();
        for (int i = 0; i <= PostingHistory.CHUNK; i++) {
            history.append(i, i, "t" + i);
        }
        assertThat(history.dropLast()).isEqualTo("t" + PostingHistory.CHUNK);
        assertThat(history.dropLast()).isEqualTo("t" + (PostingHistory.CHUNK - 1));
        history.append(7, 7, "again");
        history.append(8, 8, "and again");
        assertThat(history.size()).isEqualTo(PostingHistory.CHUNK + 1);
        assertThat(history.transfer(PostingHistory.CHUNK - 1)).isEqualTo("again");
        assertThat(history.transfer(PostingHistory.CHUNK)).isEqualTo("and again");
        assertThat(history.timestamp(0)).isZero();
    }
}
