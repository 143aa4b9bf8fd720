package dev.keel.cli;

import java.io.PrintWriter;

/** The lazy pipelines, as the command line sees them: {@code keel pipeline demo} and the tour. */
final class PipelineSystem implements KeelSystem {

    @Override
    public String name() {
        return "pipeline";
    }

    @Override
    public Object command() {
        return new PipelineCommand();
    }

    @Override
    public void demo(PrintWriter out) {
        new PipelineDemo(out).run();
    }
}
