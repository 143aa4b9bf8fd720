package dev.keel.cli;

import java.io.IOException;
import java.io.PrintWriter;

/** The in-memory file system, as the command line sees it: {@code keel fs ...} and its demo. */
final class FsSystem implements KeelSystem {

    @Override
    public String name() {
        return "fs";
    }

    @Override
    public Object command() {
        return new FsCommand();
    }

    @Override
    public void demo(PrintWriter out) throws IOException {
        new FsDemo(out).run();
    }
}
