package io.releasepilot.app;

import io.releasepilot.cli.Cli;
import io.releasepilot.cli.ExitCodes;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Entry point. No argument (or only {@code --home DIR}) opens the window; anything else runs the command line.
 * Deliberately not a JavaFX {@code Application}, so the jar starts with JavaFX on the plain class path; the window
 * itself then starts with JavaFX on the module path ({@link GuiLauncher}).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Path guiHome = guiHome(args);
        if (args.length == 0 || guiHome != null) {
            System.exit(openWindow(args, guiHome));
        }
        System.exit(execute(args));
    }

    /** Opens the window (see {@link GuiLauncher}) and returns the exit code once it is closed. */
    private static int openWindow(String[] args, Path guiHome) {
        if (GuiLauncher.noDisplay(System.getenv(), System.getProperty("os.name", ""))) {
            GuiLauncher.printNoDisplay(System.err, null);
            return ExitCodes.USAGE_OR_IO;
        }
        if (!Boolean.getBoolean(GuiLauncher.RELAUNCHED) && GuiLauncher.javafxOnClassPath()) {
            List<String> child = GuiLauncher.childCommand(Main.class.getName(), List.of(args));
            if (!child.isEmpty()) {
                try {
                    return GuiLauncher.run(child);
                } catch (IOException e) {
                    System.err.println("Could not start the window's Java (" + e.getMessage() + "); starting it here.");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return ExitCodes.CANCELLED;
                }
            }
        }
        try {
            ReleasePilotApp.launchWith(guiHome);
        } catch (UnsupportedOperationException e) {
            // GTK's "Unable to open DISPLAY": DISPLAY is set but nothing answers there.
            GuiLauncher.printNoDisplay(System.err, e.getMessage());
            return ExitCodes.USAGE_OR_IO;
        }
        return ExitCodes.OK;
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
