package io.releasepilot.app;

import io.releasepilot.cli.Cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Entry point. No argument (or only {@code --home DIR}) opens the window; anything else runs the command line.
 * Deliberately not a JavaFX {@code Application}, so the jar starts with JavaFX on the plain class path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Path guiHome = guiHome(args);
        if (args.length == 0 || guiHome != null) {
            ReleasePilotApp.launchWith(guiHome);
            return;
        }
        System.exit(execute(args));
    }

    /** Runs the command line in this process and returns its exit code (see {@code ExitCodes}). */
    public static int execute(String... args) {
        return Cli.execute(new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), args);
    }

    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return Cli.execute(out, err, args);
    }

    private static Path guiHome(String[] args) {
        if (args.length == 2 && "--home".equals(args[0])) {
            return Path.of(args[1]);
        }
        if (args.length == 1 && args[0].startsWith("--home=")) {
            return Path.of(args[0].substring("--home=".length()));
        }
        return null;
    }
}
