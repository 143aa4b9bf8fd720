package dev.keel.chat.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The send queue between producers and the owning loop: signals, draining, the byte limit. */
final class SendQueueTest {

    @Test
    void offer_signalsOncePerDrain_andAgainAtAQuarterOfTheLimit() {
        AtomicInteger signals = new AtomicInteger();
        SendQueue queue = new SendQueue(1000, signals::incrementAndGet);
        queue.offer(new byte[100]);
        queue.offer(new byte[149]);
        assertThat(signals).hasValue(1);
        assertThat(queue.urgent()).isFalse();
        queue.offer(new byte[1]); // 250 of 1000: the owner should stop coalescing
        assertThat(signals).hasValue(2);
        assertThat(queue.urgent()).isTrue();
        queue.offer(new byte[350]);
        assertThat(signals).hasValue(2);
        ByteBuffer out = ByteBuffer.allocate(1000);
        assertThat(queue.drainInto(out)).isEqualTo(600);
        queue.written(600);
        queue.offer(new byte[10]);
        assertThat(signals).hasValue(3);
        assertThat(queue.urgent()).isFalse();
    }

    @Test
    void drainInto_movesWholeLinesThatFit_andCountsThemUntilWritten() {
        SendQueue queue = new SendQueue(1000, () -> {});
        queue.offer(new byte[60]);
        queue.offer(new byte[60]);
        ByteBuffer out = ByteBuffer.allocate(100);
        assertThat(queue.drainInto(out)).isEqualTo(60);
        assertThat(queue.hasLines()).isTrue();
        assertThat(queue.bytes()).isEqualTo(120);
        queue.written(30); // a partial write: the rest still counts against the limit
        assertThat(queue.bytes()).isEqualTo(90);
    }

    @Test
    void offer_overTheLimit_dropsEverythingOnce_thenAcceptsOnlyTheClosingLine() {
        SendQueue queue = new SendQueue(1024, () -> {});
        assertThat(queue.offer(new byte[1000])).isEqualTo(SendQueue.Offer.QUEUED);
        assertThat(queue.offer(new byte[100])).isEqualTo(SendQueue.Offer.OVERFLOW);
        assertThat(queue.offer(new byte[1])).isEqualTo(SendQueue.Offer.DROPPED);
        assertThat(queue.bytes()).isZero();
        queue.close(new byte[20]);
        assertThat(queue.drainInto(ByteBuffer.allocate(100))).isEqualTo(20);
        assertThat(queue.isClosed()).isTrue();
    }
}
