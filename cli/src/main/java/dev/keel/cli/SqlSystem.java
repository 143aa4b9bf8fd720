package dev.keel.cli;

import java.io.PrintWriter;

/** The SQL engine, as the command line sees it: {@code keel sql ...} and its demo. */
final class SqlSystem implements KeelSystem {

    @Override
    public String name() {
        return "sql";
    }

    @Override
    public Object command() {
        return new SqlCommand();
    }

    @Override
    public void demo(PrintWriter out) {
        new SqlDemo(out).run();
    }
}
