package dev.keel.bank;

import dev.keel.time.Ticker;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The sequencer's bounded request queue: any number of producers {@link #put} (waiting while it is full, which is the
 * back-pressure on callers), one consumer takes, and the consumer can also wait for the next arrival by polling for a
 * bounded time instead of parking ({@link #pollYielding}).
 *
 * <p>How it is designed, and why: between forces the gathering sequencer waits a few tens of microseconds for the
 * clients it has just answered. Parked in a timed wait, it must be woken by each arrival, and on a virtual machine a
 * thread that parks lets its vCPU halt, so the wake-up is an inter-processor interrupt through the hypervisor: a
 * scheduler trace of 8 clients (docs/bank.md) showed 20-25 µs from a wake to the woken thread running, against a
 * cycle of about 160 µs. So the consumer polls instead, for at most the gather's window, and then falls back to the
 * blocking {@link #take}: the spin-then-park of {@code java.util.concurrent}'s exchangers and of the kernel's own
 * halt-polling. Each turn yields the processor ({@link Thread#yield}) rather than spinning in place, so that the poll
 * only uses a processor no other thread wants: spinning in place measured the same for in-process clients but took
 * the CPU an HTTP server's threads needed (8 HTTP clients: about 11% fewer transfers/s with a plain spin, about 3-5%
 * with yielding, within the noise of those runs; docs/bank.md). To poll without taking the queue's lock on every
 * turn, producers count what they have put ({@code arrived}, after the put) and the consumer what it has taken; the
 * lock is taken only once an arrival is counted.
 *
 * <p>Thread-safe for producers; {@link #take}, {@link #drainTo} and {@link #pollYielding} from one consumer thread
 * only.
 */
final class ArrivalQueue<E> {

    private final ArrayBlockingQueue<E> queue;
    private final Ticker ticker;
    /** Elements put so far; incremented after each put completes, so never ahead of what the queue holds. */
    private final AtomicLong arrived = new AtomicLong();
    /** Elements taken so far. Consumer only. */
    private long taken;

    ArrivalQueue(int capacity, Ticker ticker) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.ticker = ticker;
    }

    /** Adds {@code element}, waiting for room through interrupts (the interrupt status is restored). */
    void put(E element) {
        Uninterruptible.put(queue, element);
        arrived.incrementAndGet();
    }

    /** Waits for the next element, parked. */
    E take() throws InterruptedException {
        E element = queue.take();
        taken++;
        return element;
    }

    /** Moves up to {@code max} elements already queued to {@code to}; returns how many. */
    int drainTo(List<? super E> to, int max) {
        int moved = queue.drainTo(to, max);
        taken += moved;
        return moved;
    }

    /**
     * The next element if one arrives within {@code nanos} (measured on the ticker), polling without parking and
     * yielding the processor between polls; null otherwise.
     */
    @Nullable
    E pollYielding(long nanos) {
        long start = ticker.read();
        while (true) {
            if (arrived.get() > taken) {
                E element = queue.poll();
                if (element != null) {
                    taken++;
                    return element;
                }
            }
            if (ticker.read() - start >= nanos) {
                return null;
            }
            Thread.yield();
        }
    }

    /** Elements queued now. */
    int size() {
        return queue.size();
    }
}
