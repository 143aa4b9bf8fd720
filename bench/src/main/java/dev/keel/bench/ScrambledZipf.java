package dev.keel.bench;

import java.util.SplittableRandom;

/**
 * Zipf-distributed indices in {@code [0, n)} by Gray et al.'s method ("Quickly generating billion-record synthetic
 * databases", as YCSB's ZipfianGenerator), then scrambled with FNV-1a so that the hot indices are spread over the
 * key space instead of being its first keys. Immutable; thread-safe (each caller brings its random source).
 */
public final class ScrambledZipf {
    private final long n;
    private final double theta;
    private final double zetan;
    private final double alpha;
    private final double eta;

    public ScrambledZipf(long n, double theta) {
        this.n = n;
        this.theta = theta;
        double sum = 0;
        for (long i = 1; i <= n; i++) {
            sum += 1 / Math.pow(i, theta);
        }
        this.zetan = sum;
        double zeta2 = 1 + 1 / Math.pow(2, theta);
        this.alpha = 1 / (1 - theta);
        this.eta = (1 - Math.pow(2.0 / n, 1 - theta)) / (1 - zeta2 / zetan);
    }

    public long next(SplittableRandom random) {
        double u = random.nextDouble();
        double uz = u * zetan;
        long rank;
        if (uz < 1) {
            rank = 0;
        } else if (uz < 1 + Math.pow(0.5, theta)) {
            rank = 1;
        } else {
            rank = Math.min(n - 1, (long) (n * Math.pow(eta * u - eta + 1, alpha)));
        }
        return Math.floorMod(fnv1a(rank), n);
    }

    private static long fnv1a(long value) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < Long.BYTES; i++) {
            hash ^= (value >>> (8 * i)) & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
