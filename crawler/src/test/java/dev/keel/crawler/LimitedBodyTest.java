package dev.keel.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SeedExtension.class)
final class LimitedBodyTest {

    /** A subscription that records whether the body was cancelled. */
    private static final class Recording implements Flow.Subscription {
        boolean cancelled;

        @Override
        public void request(long n) {}

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    /**
     * Whatever the Content-Length hint says (right, too small, too large, absent) and however the body is cut into
     * buffers, the subscriber yields exactly the first min(length, limit) bytes, truncated when the body was longer.
     */
    @Test
    void property_anyHintAndChunking_yieldsThePrefixUpToTheLimit(SeededRandom random) throws Exception {
        for (int trial = 0; trial < 500; trial++) {
            byte[] body = random.nextBytes(random.nextInt(40_000));
            long limit = 1 + random.nextInt(50_000);
            long hint = random.pick(List.of(-1L, (long) body.length, body.length / 3L, body.length * 3L + 1));
            LimitedBody subscriber = new LimitedBody(limit, hint);
            Recording subscription = new Recording();
            subscriber.onSubscribe(subscription);
            int offset = 0;
            while (offset < body.length && !subscription.cancelled) {
                List<ByteBuffer> buffers = new ArrayList<>();
                for (int i = random.nextInt(3); i >= 0 && offset < body.length; i--) {
                    int length = Math.min(body.length - offset, 1 + random.nextInt(9_000));
                    buffers.add(ByteBuffer.wrap(body, offset, length));
                    offset += length;
                }
                subscriber.onNext(buffers);
            }
            if (!subscription.cancelled) {
                subscriber.onComplete();
            }
            LimitedBody.Content content =
                    subscriber.getBody().toCompletableFuture().get();
            int expected = (int) Math.min(body.length, limit);
            assertThat(content.bytes()).as("trial %d", trial).isEqualTo(Arrays.copyOf(body, expected));
            assertThat(content.truncated()).as("trial %d", trial).isEqualTo(body.length > limit);
            assertThat(subscription.cancelled).as("trial %d", trial).isEqualTo(body.length > limit);
        }
    }

    @Test
    void contentLength_plainDigitsOnly() {
        assertThat(Fetcher.contentLength("2048")).isEqualTo(2048);
        assertThat(Fetcher.contentLength("0")).isZero();
        assertThat(Fetcher.contentLength(null)).isEqualTo(-1);
        assertThat(Fetcher.contentLength("")).isEqualTo(-1);
        assertThat(Fetcher.contentLength("-5")).isEqualTo(-1);
        assertThat(Fetcher.contentLength("12 34")).isEqualTo(-1);
        assertThat(Fetcher.contentLength("9".repeat(19))).isEqualTo(-1);
    }
}
