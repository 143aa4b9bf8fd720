package dev.keel.bank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.time.Ticker;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The sequencer's request queue: the bounded polling wait ends with what arrives within its window, or with nothing
 * once the window (on the injected ticker) has passed; the consumer's count of what it took stays in step with the
 * producers' whichever way elements leave, so a poll is never skipped while something is queued.
 */
final class ArrivalQueueTest {

    /** A ticker that moves 1 µs per reading, and runs {@code onRead} with each reading's number first. */
    private static Ticker steppingTicker(AtomicLong reads, java.util.function.LongConsumer onRead) {
        return () -> {
            long n = reads.incrementAndGet();
            onRead.accept(n);
            return n * 1_000;
        };
    }

    @Test
    void pollYielding_returnsWhatIsAlreadyQueued_withoutWaiting() {
        AtomicLong reads = new AtomicLong();
        ArrivalQueue<String> queue = new ArrivalQueue<>(4, steppingTicker(reads, n -> {}));
        queue.put("a");

        assertThat(queue.pollYielding(50_000)).isEqualTo("a");
        assertThat(reads).hasValue(1); // the start of the window only
    }

    @Test
    void pollYielding_givesUp_onceTheWindowHasPassed() {
        AtomicLong reads = new AtomicLong();
        ArrivalQueue<String> queue = new ArrivalQueue<>(4, steppingTicker(reads, n -> {}));

        assertThat(queue.pollYielding(50_000)).isNull();
        assertThat(reads.get()).isEqualTo(51); // the start, then one reading per turn until 50 µs had passed
    }

    @Test
    void pollYielding_returnsAnArrivalDuringTheWindow() {
        AtomicLong reads = new AtomicLong();
        AtomicReference<ArrivalQueue<String>> holder = new AtomicReference<>();
        ArrivalQueue<String> queue = new ArrivalQueue<>(4, steppingTicker(reads, n -> {
            if (n == 10) {
                holder.get().put("late"); // arrives 9 µs into the window
            }
        }));
        holder.set(queue);

        assertThat(queue.pollYielding(50_000)).isEqualTo("late");
        assertThat(reads).hasValue(10);
    }

    @Test
    void countsStayInStep_whicheverWayElementsLeave() throws Exception {
        AtomicLong reads = new AtomicLong();
        ArrivalQueue<String> queue = new ArrivalQueue<>(8, steppingTicker(reads, n -> {}));
        for (String s : List.of("a", "b", "c", "d")) {
            queue.put(s);
        }
        List<String> out = new ArrayList<>();
        assertThat(queue.drainTo(out, 2)).isEqualTo(2);
        out.add(queue.take());
        out.add(queue.pollYielding(1_000));

        assertThat(out).containsExactly("a", "b", "c", "d");
        assertThat(queue.size()).isZero();
        assertThat(queue.pollYielding(5_000)).isNull(); // nothing counted as arrived and not taken

        queue.put("e");
        assertThat(queue.pollYielding(5_000)).isEqualTo("e");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void manyProducers_oneConsumer_everyElementArrivesOnce_inEachProducersOrder() throws Exception {
        int producers = 8;
        int each = 20_000;
        ArrivalQueue<long[]> queue = new ArrivalQueue<>(64, Ticker.system());
        try (ExecutorService pool = Executors.newFixedThreadPool(producers)) {
            List<Future<?>> sent = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                long producer = p;
                sent.add(pool.submit(() -> {
                    for (long i = 0; i < each; i++) {
                        queue.put(new long[] {producer, i});
                    }
                }));
            }
            long[] next = new long[producers];
            List<long[]> batch = new ArrayList<>();
            int received = 0;
            int turn = 0;
            while (received < producers * each) {
                // The sequencer's three ways of taking, in turn: a short polling wait, a blocking take, a drain.
                long[] first = (turn++ % 2 == 0) ? queue.pollYielding(50_000) : queue.take();
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, 16);
                for (long[] element : batch) {
                    int producer = (int) element[0];
                    assertThat(element[1]).isEqualTo(next[producer]);
                    next[producer]++;
                }
                received += batch.size();
                batch.clear();
            }
            for (Future<?> f : sent) {
                f.get();
            }
            assertThat(queue.size()).isZero();
        }
    }
}
