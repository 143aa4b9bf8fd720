package dev.keel.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code keel chat ...}: the IRC server and a line-mode IRC client. */
@Command(
        name = "chat",
        mixinStandardHelpOptions = true,
        description = "A chat server that speaks IRC (irssi, WeeChat, ii connect to it), and a small IRC client.",
        subcommands = {ChatServeCommand.class, ChatConnectCommand.class})
final class ChatCommand implements Callable<Integer> {

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }
}
