package dev.keel.bench.ratelimit;

import java.util.SplittableRandom;

/**
 * Keys {@code 0..n-1} drawn from a Zipf distribution (Gray et al.'s generator, as YCSB), scrambled by a multiplicative
 * hash so that the hot keys are spread over the key space. Not thread-safe.
 */
final class ZipfKeys {

    private final int n;
    private final double theta;
    private final double alpha;
    private final double zetan;
    private final double eta;
    private final SplittableRandom random;

    ZipfKeys(int n, double theta, SplittableRandom random) {
        this.n = n;
        this.theta = theta;
        this.random = random;
        this.zetan = zeta(n, theta);
        this.alpha = 1.0 / (1.0 - theta);
        this.eta = (1 - Math.pow(2.0 / n, 1 - theta)) / (1 - zeta(2, theta) / zetan);
    }

    private static double zeta(int n, double theta) {
        double sum = 0;
        for (int i = 1; i <= n; i++) {
            sum += 1 / Math.pow(i, theta);
        }
        return sum;
    }

    int next() {
        double u = random.nextDouble();
        double uz = u * zetan;
        long rank;
        if (uz < 1.0) {
            rank = 0;
        } else if (uz < 1.0 + Math.pow(0.5, theta)) {
            rank = 1;
        } else {
            rank = (long) (n * Math.pow(eta * u - eta + 1, alpha));
        }
        return (int) Long.remainderUnsigned(rank * 0x9E3779B97F4A7C15L, n);
    }
}
