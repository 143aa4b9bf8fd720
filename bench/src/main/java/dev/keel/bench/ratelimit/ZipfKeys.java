package dev.keel.bench.ratelimit;

import dev.keel.bench.ScrambledZipf;
import java.util.SplittableRandom;

/** Keys {@code 0..n-1} drawn from a scrambled Zipf distribution ({@link ScrambledZipf}) with one random source. */
final class ZipfKeys {

    private final ScrambledZipf zipf;
    private final SplittableRandom random;

    ZipfKeys(int n, double theta, SplittableRandom random) {
        this.zipf = new ScrambledZipf(n, theta);
        this.random = random;
    }

    int next() {
        return (int) zipf.next(random);
    }
}
