package dev.keel.cli;

import java.io.PrintWriter;

/** Persistent data structures, as the command line sees them: {@code keel snapshot ...} and its demo. */
final class SnapshotSystem implements KeelSystem {

    @Override
    public String name() {
        return "snapshot";
    }

    @Override
    public Object command() {
        return new SnapshotCommand();
    }

    @Override
    public void demo(PrintWriter out) throws InterruptedException {
        new SnapshotDemo(out).run();
    }
}
