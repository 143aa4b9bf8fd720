package dev.keel.cli;

import dev.keel.kv.KeyValueStore;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The child process of the kv demo: writes {@code key-N = N} forever and prints each key once its write returned
 * (durable), until it is killed. Not a command; run by {@link KvDemo} with the same class path.
 */
final class KvCrashChild {

    private KvCrashChild() {}

    public static void main(String[] args) throws IOException {
        try (KeyValueStore store = KeyValueStore.open(Path.of(args[0]))) {
            for (long n = 0; ; n++) {
                String key = "key-" + n;
                store.set(key, n);
                System.out.println(key);
                System.out.flush();
            }
        }
    }
}
