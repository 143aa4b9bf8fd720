package dev.keel.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code keel demo [system...]}: a scripted tour of every landed system, or of the ones named, each under a heading
 * line {@code == name ==}. Every name is checked before any demo runs, so a typo runs nothing.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Tour every landed system in a few seconds, or only the systems named.")
final class DemoCommand implements Callable<Integer> {

    private final List<KeelSystem> systems;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "SYSTEM", arity = "0..*", description = "Systems to tour (default: all that have landed).")
    private List<String> names = new ArrayList<>();

    DemoCommand(List<KeelSystem> systems) {
        this.systems = List.copyOf(systems);
    }

    @Override
    public Integer call() throws Exception {
        List<KeelSystem> tour = names.isEmpty() ? systems : selected();
        PrintWriter out = spec.commandLine().getOut();
        if (tour.isEmpty()) {
            out.println("No systems have landed yet, so the tour is empty.");
            return ExitCode.OK;
        }
        for (KeelSystem system : tour) {
            out.println("== " + system.name() + " ==");
            out.flush();
            system.demo(out);
            out.println();
            out.flush();
        }
        return ExitCode.OK;
    }

    private List<KeelSystem> selected() {
        List<KeelSystem> tour = new ArrayList<>();
        for (String name : names) {
            tour.add(systems.stream()
                    .filter(system -> system.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> unknown(name)));
        }
        return tour;
    }

    private CommandLine.ParameterException unknown(String name) {
        String landed = systems.isEmpty()
                ? "none yet"
                : systems.stream().map(KeelSystem::name).collect(Collectors.joining(", "));
        String message = SystemCatalog.planned(name)
                .map(planned ->
                        "system '" + name + "' (" + planned.knownAs() + ") has not landed yet (landed: " + landed + ")")
                .orElseGet(() -> "unknown system '" + name + "' (expected one of: " + landed + ")");
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
