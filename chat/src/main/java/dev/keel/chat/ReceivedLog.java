package dev.keel.chat;

import dev.keel.chat.protocol.IrcMessage;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link ChatClient} has received: the last {@value #KEPT} lines and PRIVMSG/NOTICE messages, numbered from the
 * first line ever received, and waiting for one that matches. The client's reading thread appends; any thread reads
 * and waits. Positions ({@link #mark}) let a caller wait only for answers that arrived after it sent a command.
 *
 * <p>Thread-safe: one lock guards every field; waiters wait on its condition.
 */
final class ReceivedLog {

    static final int KEPT = 10_000;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    // @GuardedBy("lock")
    private final ArrayDeque<IrcMessage> lines = new ArrayDeque<>();
    // @GuardedBy("lock"): how many lines were ever received; the first kept one is received - lines.size()
    private long received;
    // @GuardedBy("lock")
    private final List<ChatMessage> messages = new ArrayList<>();
    // @GuardedBy("lock")
    private boolean ended;

    /** Appends a received line (and, for a PRIVMSG or NOTICE, its message) and wakes the waiters. */
    void add(IrcMessage message) {
        lock.lock();
        try {
            lines.add(message);
            if (lines.size() > KEPT) {
                lines.removeFirst();
            }
            received++;
            String command = message.command();
            if ((command.equals("PRIVMSG") || command.equals("NOTICE"))
                    && message.params().size() >= 2) {
                String prefix = message.prefix() == null ? "" : message.prefix();
                int bang = prefix.indexOf('!');
                messages.add(new ChatMessage(
                        bang < 0 ? prefix : prefix.substring(0, bang),
                        message.param(0),
                        message.lastParam(),
                        command.equals("NOTICE")));
                if (messages.size() > KEPT) {
                    messages.removeFirst();
                }
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The connection ended: waiters fail with {@link ChatException.Code#DISCONNECTED}. */
    void end() {
        lock.lock();
        try {
            ended = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The position of the next line to arrive. */
    long mark() {
        lock.lock();
        try {
            return received;
        } finally {
            lock.unlock();
        }
    }

    /** The first kept line received at or after {@code from} that matches {@code wanted}, or null. */
    @Nullable
    IrcMessage find(long from, Predicate<IrcMessage> wanted) {
        lock.lock();
        try {
            long index = received - lines.size();
            for (IrcMessage line : lines) {
                if (index++ >= from && wanted.test(line)) {
                    return line;
                }
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** Waits up to {@code within} for a line, received at or after {@code from}, that matches {@code wanted}. */
    IrcMessage await(long from, Predicate<IrcMessage> wanted, Duration within, String what) throws IOException {
        return waitFor(() -> find(from, wanted), within, what);
    }

    /** Waits up to {@code within} for a message, received before or after this call, that matches {@code wanted}. */
    ChatMessage awaitMessage(Predicate<ChatMessage> wanted, Duration within) throws IOException {
        return waitFor(
                () -> {
                    for (ChatMessage message : messages) {
                        if (wanted.test(message)) {
                            return message;
                        }
                    }
                    return null;
                },
                within,
                "no matching message within " + within);
    }

    List<ChatMessage> messages() {
        lock.lock();
        try {
            return List.copyOf(messages);
        } finally {
            lock.unlock();
        }
    }

    /** The kept lines, each mapped (to its wire form, say) under the lock. */
    <T> List<T> lines(Function<IrcMessage, T> mapping) {
        lock.lock();
        try {
            return lines.stream().map(mapping).toList();
        } finally {
            lock.unlock();
        }
    }

    /** A search run under the lock; null when nothing matches yet. */
    private interface Search<T> {
        @Nullable
        T run();
    }

    private <T> T waitFor(Search<T> search, Duration within, String timeoutMessage) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        lock.lock();
        try {
            while (true) {
                T found = search.run();
                if (found != null) {
                    return found;
                }
                if (ended) {
                    throw new ChatException(ChatException.Code.DISCONNECTED, "the connection ended");
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new ChatException(ChatException.Code.TIMEOUT, timeoutMessage);
                }
                changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the server");
        } finally {
            lock.unlock();
        }
    }
}
