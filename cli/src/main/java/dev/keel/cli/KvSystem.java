package dev.keel.cli;

import java.io.PrintWriter;

/** The key-value store, as the command line sees it: {@code keel kv ...} and its demo. */
final class KvSystem implements KeelSystem {

    @Override
    public String name() {
        return "kv";
    }

    @Override
    public Object command() {
        return new KvCommand();
    }

    @Override
    public void demo(PrintWriter out) throws Exception {
        new KvDemo(out).run();
    }
}
