package dev.keel.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SeedExtension.class)
final class SeenSetTest {

    @Test
    void add_matchesAHashSetModel(SeededRandom random) {
        SeenSet seen = new SeenSet();
        Set<String> model = new HashSet<>();
        for (int i = 0; i < 50_000; i++) {
            String url = "https://example.com/p" + random.nextInt(20_000);
            assertThat(seen.add(url)).as(url).isEqualTo(model.add(url));
        }
        assertThat(seen.size()).isEqualTo(model.size());
        model.forEach(url -> assertThat(seen.contains(url)).isTrue());
        assertThat(seen.contains("https://example.com/never")).isFalse();
    }

    /** Eight threads add overlapping URLs at once: every URL is reported new exactly once. */
    @Test
    void add_concurrently_eachUrlIsNewExactlyOnce() throws Exception {
        SeenSet seen = new SeenSet();
        int threads = 8;
        int urls = 40_000;
        AtomicInteger newOnes = new AtomicInteger();
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads; t++) {
            int offset = t;
            workers.add(Thread.ofPlatform().name("seen-" + t).start(() -> {
                try {
                    start.await();
                    for (int i = 0; i < urls; i++) {
                        if (seen.add("https://h" + ((i + offset) % 50) + ".example/" + ((i * 7 + offset) % urls))) {
                            newOnes.incrementAndGet();
                        }
                    }
                } catch (Exception | AssertionError e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        assertThat(failures).isEmpty();
        Set<String> model = new HashSet<>();
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < urls; i++) {
                model.add("https://h" + ((i + t) % 50) + ".example/" + ((i * 7 + t) % urls));
            }
        }
        assertThat(newOnes.get()).isEqualTo(model.size());
        assertThat(seen.size()).isEqualTo(model.size());
    }

    /** The memory figure quoted in the docs: bytes of table per URL at a million URLs. */
    @Test
    void tableBytes_perUrl_atAMillionUrls() {
        SeenSet seen = new SeenSet();
        for (int i = 0; i < 1_000_000; i++) {
            seen.addFingerprint(SeenSet.fingerprint("https://example.com/page/" + i));
        }
        double perUrl = (double) seen.tableBytes() / seen.size();
        System.out.printf(
                "SeenSet: %d URLs in %d table bytes: %.1f bytes per URL%n", seen.size(), seen.tableBytes(), perUrl);
        assertThat(seen.size()).isEqualTo(1_000_000);
        assertThat(perUrl).isBetween(10.6, 21.4);
    }
}
