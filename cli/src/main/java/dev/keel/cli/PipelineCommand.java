package dev.keel.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code keel pipeline ...}: the lazy pipelines from the command line. */
@Command(
        name = "pipeline",
        mixinStandardHelpOptions = true,
        description = "Lazy functional pipelines: pull-based, fused, lazy to the element, with ordered concurrency.",
        subcommands = {PipelineCommand.Demo.class})
final class PipelineCommand implements Callable<Integer> {

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    @Command(
            name = "demo",
            mixinStandardHelpOptions = true,
            description = "The seed example with its pull count, an infinite source cut by take, and mapConcurrent"
                    + " keeping input order while tasks finish out of order.")
    static final class Demo implements Callable<Integer> {

        @Spec
        private CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            new PipelineDemo(spec.commandLine().getOut()).run();
            return ExitCode.OK;
        }
    }
}
