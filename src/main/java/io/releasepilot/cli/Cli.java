package io.releasepilot.cli;

import io.releasepilot.core.CancelledException;
import io.releasepilot.core.ReleasePilotException;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Builds the picocli command line with the exception-to-exit-code mapping. */
public final class Cli {
    private Cli() {
    }

    /** The whole command tree, each command with {@code -h, --help}. */
    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new RootCommand());
        addHelp(cmd);
        return cmd;
    }

    /**
     * A command whose own {@code --version} option (the release's version) displaces picocli's standard
     * {@code -h/-V} mixin would have no {@code --help}: give it one, so help works everywhere and exits 0
     * even when required options are missing.
     */
    private static void addHelp(CommandLine cmd) {
        CommandSpec spec = cmd.getCommandSpec();
        if (spec.options().stream().noneMatch(OptionSpec::usageHelp)) {
            List<String> names = new ArrayList<>();
            for (String name : new String[] {"-h", "--help"}) {
                if (spec.findOption(name) == null) {
                    names.add(name);
                }
            }
            if (!names.isEmpty()) {
                spec.addOption(OptionSpec.builder(names.toArray(String[]::new)).usageHelp(true)
                        .description("Show this help message and exit.").build());
            }
        }
        cmd.getSubcommands().values().forEach(Cli::addHelp);
    }

    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cmd = commandLine();
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof CancelledException c) {
                commandLine.getErr().println(c.getMessage());
                return ExitCodes.CANCELLED;
            }
            if (ex instanceof ReleasePilotException rp) {
                commandLine.getErr().println("Error: " + rp.userText());
                return ExitCodes.USAGE_OR_IO;
            }
            if (ex instanceof java.io.IOException || ex instanceof UncheckedIOException) {
                commandLine.getErr().println("Error: " + ex.getMessage());
                return ExitCodes.USAGE_OR_IO;
            }
            commandLine.getErr().println("Internal error (please report it): " + ex);
            ex.printStackTrace(commandLine.getErr());
            return ExitCodes.INTERNAL;
        });
        cmd.setExitCodeExceptionMapper(ex -> ExitCodes.USAGE_OR_IO);
        int code = cmd.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
