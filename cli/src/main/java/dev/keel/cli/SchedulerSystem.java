package dev.keel.cli;

import java.io.PrintWriter;

/** The Kubernetes scheduler, as the command line sees it: {@code keel schedule ...} and its demo. */
final class SchedulerSystem implements KeelSystem {

    @Override
    public String name() {
        return "scheduler";
    }

    @Override
    public String commandName() {
        return "schedule";
    }

    @Override
    public Object command() {
        return new ScheduleCommand();
    }

    @Override
    public void demo(PrintWriter out) {
        new SchedulerDemo(out).run();
    }
}
