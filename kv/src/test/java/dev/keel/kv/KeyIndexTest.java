package dev.keel.kv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.SeededRandom;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class KeyIndexTest {

    private static Key key(String text) {
        return Key.copyOf(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Version.Live live(Key key, long lsn) {
        return new Version.Live(key, lsn, 1, 10, 0, null);
    }

    @Test
    void get_findsWhatWasPut_andNothingElse() {
        KeyIndex index = new KeyIndex(0);
        Key a = key("a");
        Version.Live first = live(a, 1);

        assertThat(index.put(a, first)).isNull();
        assertThat(index.get(key("a"))).isSameAs(first);
        assertThat(index.get(key("b"))).isNull();
        assertThat(index.isEmpty()).isFalse();
    }

    @Test
    void put_overAKey_returnsTheVersionItReplaced() {
        KeyIndex index = new KeyIndex(0);
        Key a = key("a");
        Version.Live first = live(a, 1);
        Version.Live second = live(a, 2);
        index.put(a, first);

        assertThat(index.put(a, second)).isSameAs(first);
        assertThat(index.get(a)).isSameAs(second);
    }

    @Test
    void remove_leavesNoVersion_andAPutAfterItIsANewKeyAgain() {
        KeyIndex index = new KeyIndex(0);
        Key a = key("a");
        Version.Live first = live(a, 1);
        index.put(a, first);

        assertThat(index.remove(a)).isSameAs(first);
        assertThat(index.get(a)).isNull();
        assertThat(index.remove(a)).isNull();
        assertThat(index.put(a, live(a, 3))).isNull();
        assertThat(index.get(a).lsn()).isEqualTo(3);
    }

    @Test
    void remove_ofAKeyNeverPut_changesNothing() {
        KeyIndex index = new KeyIndex(0);

        assertThat(index.remove(key("ghost"))).isNull();
        assertThat(index.isEmpty()).isTrue();
    }

    @Test
    void aDeletedVersionKeptForASnapshot_isReturned_notTakenForAbsence() {
        KeyIndex index = new KeyIndex(0);
        Key a = key("a");
        Version.Live old = live(a, 1);
        Version.Deleted deleted = new Version.Deleted(a, 2, old);

        index.put(a, old);
        assertThat(index.put(a, deleted)).isSameAs(old);
        assertThat(index.get(a)).isSameAs(deleted);
    }

    @Test
    void growing_pastTheLoadLimit_resizesAndKeepsEveryKey() {
        KeyIndex index = new KeyIndex(0);
        int before = index.capacity();
        for (int i = 0; i < 10_000; i++) {
            Key k = key("key:" + i);
            index.put(k, live(k, i));
        }

        assertThat(index.capacity()).isGreaterThan(before);
        assertThat(10_000 * 100L / index.capacity()).isLessThanOrEqualTo(KeyIndex.MAX_LOAD_PERCENT);
        for (int i = 0; i < 10_000; i++) {
            assertThat(index.get(key("key:" + i)).lsn()).isEqualTo(i);
        }
    }

    @Test
    void churn_ofPutsAndRemoves_doesNotGrowTheTableWithTombstones() {
        KeyIndex index = new KeyIndex(0);
        for (int i = 0; i < 100_000; i++) {
            Key k = key("churn:" + i);
            index.put(k, live(k, i));
            index.remove(k);
        }

        assertThat(index.capacity()).isLessThanOrEqualTo(KeyIndex.capacityFor(16));
    }

    @Test
    void clear_forgetsEveryKey() {
        KeyIndex index = new KeyIndex(0);
        Key a = key("a");
        index.put(a, live(a, 1));

        index.clear();

        assertThat(index.get(a)).isNull();
        assertThat(index.isEmpty()).isTrue();
    }

    @Test
    void capacityFor_givesAtLeastTwoAndAHalfSlotsPerKey_inPowersOfTwo() {
        assertThat(KeyIndex.capacityFor(0)).isEqualTo(16);
        assertThat(KeyIndex.capacityFor(100)).isEqualTo(256);
        assertThat(KeyIndex.capacityFor(10_000_000)).isEqualTo(1 << 25);
    }

    /**
     * Keys with one hash for all of a writer's keys: "Aa" and "BB" have the same {@link java.util.Arrays#hashCode},
     * so every string of six such pairs does too. Their slots form one long probe chain, which a reader walks over
     * slots that a resize has already moved.
     */
    private static Key collidingKey(int writer, int i) {
        StringBuilder text = new StringBuilder("w").append(writer);
        for (int bit = 0; bit < 6; bit++) {
            text.append((i & (1 << bit)) != 0 ? "Aa" : "BB");
        }
        return key(text.toString());
    }

    /** Random puts, removes and gets over a small key space (many collisions and tombstones) against a HashMap. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void randomOperations_matchAHashMap(long seed) {
        SeededRandom random = SeededRandom.withSeed(seed);
        KeyIndex index = new KeyIndex(0);
        Map<String, Long> model = new HashMap<>();
        for (int step = 0; step < 50_000; step++) {
            String name = "k" + random.nextInt(2_000);
            Key k = key(name);
            switch (random.nextInt(3)) {
                case 0 -> {
                    Version replaced = index.put(k, live(k, step));
                    Long expected = model.put(name, (long) step);
                    assertThat(replaced == null ? null : replaced.lsn()).isEqualTo(expected);
                }
                case 1 -> {
                    Version removed = index.remove(k);
                    Long expected = model.remove(name);
                    assertThat(removed == null ? null : removed.lsn()).isEqualTo(expected);
                }
                default -> {
                    Version found = index.get(k);
                    assertThat(found == null ? null : found.lsn()).isEqualTo(model.get(name));
                }
            }
        }
        for (Map.Entry<String, Long> entry : model.entrySet()) {
            assertThat(index.get(key(entry.getKey())).lsn()).isEqualTo(entry.getValue());
        }
    }

    /**
     * The property the store relies on while the table resizes under it: a key that exists all along is always found,
     * and with a version no older than one its writer had finished putting. Writers own disjoint keys (the store's
     * stripe locks give that); another keeps inserting and removing new keys, forcing resize after resize.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void readers_duringResizes_alwaysFindKeysThatExist_withoutGoingBackInTime(boolean colliding) throws Exception {
        KeyIndex index = new KeyIndex(0);
        int owned = colliding ? 64 : 500;
        int writers = 2;
        List<List<Key>> keys = new ArrayList<>();
        long[][] published = new long[writers][owned];
        for (int w = 0; w < writers; w++) {
            List<Key> mine = new ArrayList<>();
            for (int i = 0; i < owned; i++) {
                Key k = colliding ? collidingKey(w, i) : key("w" + w + ":" + i);
                index.put(k, live(k, 0));
                mine.add(k);
            }
            keys.add(mine);
        }
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch readersStarted = new CountDownLatch(2);
        try (ExecutorService threads = Executors.newFixedThreadPool(5)) {
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                work.add(threads.submit(() -> {
                    SeededRandom random = SeededRandom.withSeed(writer);
                    for (long lsn = 1; lsn <= 200_000; lsn++) {
                        int i = random.nextInt(owned);
                        Key k = keys.get(writer).get(i);
                        index.put(k, live(k, lsn));
                        synchronized (published) {
                            published[writer][i] = lsn;
                        }
                    }
                    return null;
                }));
            }
            Future<?> grower = threads.submit(() -> {
                for (int i = 0; i < 200_000; i++) {
                    Key k = key("new:" + i);
                    index.put(k, live(k, i));
                    if (i % 50 != 0) {
                        index.remove(k); // mostly churn: a resize every few hundred puts, to clear tombstones
                    }
                }
                return null;
            });
            List<Future<Long>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                int reader = r;
                readers.add(threads.submit(() -> {
                    SeededRandom random = SeededRandom.withSeed(100 + reader);
                    readersStarted.countDown();
                    long reads = 0;
                    while (!stop.get() || reads < 10_000) {
                        int writer = random.nextInt(writers);
                        int i = random.nextInt(owned);
                        long atLeast;
                        synchronized (published) {
                            atLeast = published[writer][i];
                        }
                        Version found = index.get(keys.get(writer).get(i));
                        assertThat(found).as("key w%d:%d", writer, i).isNotNull();
                        assertThat(found.lsn()).isGreaterThanOrEqualTo(atLeast);
                        reads++;
                    }
                    return reads;
                }));
            }
            assertThat(readersStarted.await(30, TimeUnit.SECONDS)).isTrue();
            for (Future<?> future : work) {
                future.get(120, TimeUnit.SECONDS);
            }
            grower.get(120, TimeUnit.SECONDS);
            stop.set(true);
            for (Future<Long> reader : readers) {
                assertThat(reader.get(120, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(10_000);
            }
        }
        long liveKeys = 2L * owned + 200_000 / 50;
        assertThat((long) index.capacity() * KeyIndex.MAX_LOAD_PERCENT / 100).isGreaterThanOrEqualTo(liveKeys);
        for (int i = 0; i < 200_000; i++) {
            Version found = index.get(key("new:" + i));
            if (i % 50 != 0) {
                assertThat(found).isNull();
            } else {
                assertThat(found.lsn()).isEqualTo(i);
            }
        }
    }
}
