package dev.keel.time;

import java.util.concurrent.TimeUnit;

/** {@link Sleeper#system()}: the real wait, through {@link TimeUnit#sleep}, which splits nanos for Thread.sleep. */
enum SystemSleeper implements Sleeper {
    INSTANCE;

    @Override
    public void sleepNanos(long nanos) throws InterruptedException {
        if (nanos > 0) {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }
    }

    @Override
    public String toString() {
        return "Sleeper.system()";
    }
}
