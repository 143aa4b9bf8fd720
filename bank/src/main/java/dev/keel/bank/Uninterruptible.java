package dev.keel.bank;

import java.util.concurrent.BlockingQueue;

/**
 * Blocking hand-offs that must finish even if the caller is interrupted (a request handed to the sequencer must be
 * answered; a thread being stopped must be joined): they keep waiting and restore the interrupt status afterwards,
 * as Guava's {@code Uninterruptibles} does. Stateless.
 */
final class Uninterruptible {

    private Uninterruptible() {}

    /** Puts {@code element} into {@code queue}, waiting for room through interrupts. */
    static <E> void put(BlockingQueue<E> queue, E element) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    queue.put(element);
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits for {@code thread} to end, through interrupts. */
    static void join(Thread thread) {
        boolean interrupted = false;
        try {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
