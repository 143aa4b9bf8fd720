package dev.keel.cli;

import java.io.PrintWriter;

/** The chat server, as the command line sees it: {@code keel chat ...} and its demo. */
final class ChatSystem implements KeelSystem {

    @Override
    public String name() {
        return "chat";
    }

    @Override
    public Object command() {
        return new ChatCommand();
    }

    @Override
    public void demo(PrintWriter out) throws Exception {
        new ChatDemo(out).run();
    }
}
