package io.releasepilot.cli;

import io.releasepilot.core.CancelledException;
import io.releasepilot.core.ReleasePilotException;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** Builds the picocli command line with the exception-to-exit-code mapping. */
public final class Cli {
    private Cli() {
    }

    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cmd = new CommandLine(new RootCommand());
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
