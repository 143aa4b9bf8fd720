package dev.keel.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WriteLocksTest {

    private static Key key(String text) {
        return Key.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void batchWrite_holdsEveryKeysStripeWhileRunning_andReleasesAllAfter() throws Exception {
        WriteLocks locks = new WriteLocks();
        Random random = new Random(42);
        try (ExecutorService other = Executors.newSingleThreadExecutor()) {
            for (int round = 0; round < 50; round++) {
                List<Key> keys = new ArrayList<>();
                for (int i = 0, n = 1 + random.nextInt(300); i < n; i++) {
                    keys.add(key("k" + random.nextInt(100_000)));
                }
                CountDownLatch inside = new CountDownLatch(1);
                CountDownLatch release = new CountDownLatch(1);
                Future<?> batch = other.submit(() -> locks.write(keys, () -> {
                    inside.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new java.io.InterruptedIOException("interrupted inside the batch");
                    }
                    return null;
                }));
                assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
                for (Key key : keys) {
                    assertThat(locks.isStripeLocked(key))
                            .as("stripe of %s", key)
                            .isTrue();
                }
                release.countDown();
                batch.get(10, TimeUnit.SECONDS);
                assertThat(keys).noneMatch(locks::isStripeLocked);
            }
        }
    }
}
