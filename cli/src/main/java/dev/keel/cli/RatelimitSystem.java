package dev.keel.cli;

import java.io.PrintWriter;

/** The rate limiter, as the command line sees it: {@code keel ratelimit ...} and its demo. */
final class RatelimitSystem implements KeelSystem {

    @Override
    public String name() {
        return "ratelimit";
    }

    @Override
    public Object command() {
        return new RatelimitCommand();
    }

    @Override
    public void demo(PrintWriter out) {
        new RatelimitDemo(out).run();
    }
}
