package io.releasepilot.cli;

import io.releasepilot.core.CancelledException;
import io.releasepilot.core.ReleasePilotException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
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
        return commandLine(RootCommand.COMMANDS);
    }

    /**
     * The tree needed for {@code args}: when they name a command, only that one under the root (picocli builds
     * every command it is given, which would cost each run a fifth of a second); otherwise (no command, an
     * unknown one, the root's help) the whole tree, so the help and the "did you mean" advice list every command.
     */
    static CommandLine commandLineFor(String... args) {
        String named = commandName(args);
        for (Class<?> c : RootCommand.COMMANDS) {
            if (c.getAnnotation(Command.class).name().equals(named)) {
                return commandLine(List.of(c));
            }
        }
        return commandLine();
    }

    /** The first argument that is not a root option (--home DIR, --home=DIR), or null. */
    private static String commandName(String... args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--home")) {
                i++;
            } else if (!a.startsWith("--home=")) {
                return a;
            }
        }
        return null;
    }

    private static CommandLine commandLine(List<Class<?>> commands) {
        CommandLine cmd = new CommandLine(new RootCommand());
        for (Class<?> c : commands) {
            cmd.addSubcommand(c.getAnnotation(Command.class).name(), new CommandLine(c));
        }
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
        CommandLine cmd = commandLineFor(args);
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
