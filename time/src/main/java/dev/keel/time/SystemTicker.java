package dev.keel.time;

/** {@link Ticker#system()}: an enum so that it is a serialisation-safe singleton with no mutable state. */
enum SystemTicker implements Ticker {
    INSTANCE;

    @Override
    public long read() {
        return System.nanoTime();
    }

    @Override
    public String toString() {
        return "Ticker.system()";
    }
}
