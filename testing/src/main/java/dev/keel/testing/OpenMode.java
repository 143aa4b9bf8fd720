package dev.keel.testing;

import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * What a {@link FaultyDisk} channel may do, decided from the options it was opened with, and the options its backing
 * real channel is opened with.
 *
 * <p>The backing channel is always readable (the model reads the durable image through it even for a write-only
 * channel) and writable when the modelled one is (to truncate, and to take exclusive locks); {@code APPEND},
 * {@code SYNC} and {@code DSYNC} are modelled here rather than passed on.
 */
record OpenMode(
        boolean readable,
        boolean writable,
        boolean append,
        boolean syncEachWrite,
        boolean truncatesExisting,
        Set<OpenOption> realOptions) {

    OpenMode {
        realOptions = Set.copyOf(realOptions);
    }

    static OpenMode of(Set<? extends OpenOption> options) {
        if (options.contains(StandardOpenOption.DELETE_ON_CLOSE)) {
            throw new UnsupportedOperationException("DELETE_ON_CLOSE is not modelled by FaultyDisk"
                    + " (expected: delete the file explicitly once its channel is closed)");
        }
        boolean append = options.contains(StandardOpenOption.APPEND);
        if (append && options.contains(StandardOpenOption.READ)) {
            throw new IllegalArgumentException("options " + options + ": READ + APPEND not allowed");
        }
        if (append && options.contains(StandardOpenOption.TRUNCATE_EXISTING)) {
            throw new IllegalArgumentException("options " + options + ": APPEND + TRUNCATE_EXISTING not allowed");
        }
        boolean writable = append || options.contains(StandardOpenOption.WRITE);
        boolean readable = options.contains(StandardOpenOption.READ) || !writable;
        boolean sync = options.contains(StandardOpenOption.SYNC) || options.contains(StandardOpenOption.DSYNC);

        Set<OpenOption> real = new HashSet<>(options);
        real.removeAll(Set.of(StandardOpenOption.APPEND, StandardOpenOption.SYNC, StandardOpenOption.DSYNC));
        real.add(StandardOpenOption.READ);
        if (writable) {
            real.add(StandardOpenOption.WRITE);
        }
        boolean truncates = writable && options.contains(StandardOpenOption.TRUNCATE_EXISTING);
        return new OpenMode(readable, writable, append, sync, truncates, real);
    }
}
