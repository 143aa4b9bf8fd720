package dev.keel.pipeline;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;

/** The integers 1, 2, 3, ... (up to a limit, or without end), counting how many were pulled. Not thread-safe. */
final class CountingSource {

    private final int limit;
    private final AtomicInteger pulled = new AtomicInteger();

    private CountingSource(int limit) {
        this.limit = limit;
    }

    static CountingSource infinite() {
        return new CountingSource(Integer.MAX_VALUE);
    }

    static CountingSource upTo(int limit) {
        return new CountingSource(limit);
    }

    int pulled() {
        return pulled.get();
    }

    LazyPipeline<Integer> pipeline() {
        return LazyPipeline.from(() -> new Iterator<Integer>() {
            private int next = 1;

            @Override
            public boolean hasNext() {
                return next <= limit;
            }

            @Override
            public Integer next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                pulled.incrementAndGet();
                return next++;
            }
        });
    }
}
