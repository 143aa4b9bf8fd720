package dev.keel.cli;

import java.io.PrintWriter;

/** The banking ledger, as the command line sees it: {@code keel bank ...} and its demo. */
final class BankSystem implements KeelSystem {

    @Override
    public String name() {
        return "bank";
    }

    @Override
    public Object command() {
        return new BankCommand();
    }

    @Override
    public void demo(PrintWriter out) throws Exception {
        new BankDemo(out).run();
    }
}
