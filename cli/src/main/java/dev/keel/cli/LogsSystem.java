package dev.keel.cli;

import java.io.PrintWriter;

/** The log aggregator, as the command line sees it: {@code keel logs ...} and its demo. */
final class LogsSystem implements KeelSystem {

    @Override
    public String name() {
        return "logs";
    }

    @Override
    public Object command() {
        return new LogsCommand();
    }

    @Override
    public void demo(PrintWriter out) throws Exception {
        new LogsDemo(out).run();
    }
}
