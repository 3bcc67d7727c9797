package io.releasepilot.cli;

import io.releasepilot.core.AppHome;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;

/**
 * The {@code --home DIR} option every command takes, after the command or before it
 * ({@code release-pilot --home DIR keys list}); else RELEASE_PILOT_HOME, else the OS default.
 */
public final class HomeOption {
    @Option(names = "--home", paramLabel = "DIR", description = "Folder for settings and keys"
            + " (default: $RELEASE_PILOT_HOME, else the OS application-data folder).")
    Path home;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    public AppHome resolve() {
        return AppHome.resolve(home != null ? home : beforeTheCommand());
    }

    /** The {@code --home} given before the command name, kept by {@link RootCommand}. */
    private Path beforeTheCommand() {
        if (mixee == null) {
            return null;
        }
        OptionSpec root = mixee.root().findOption("--home");
        return root == null ? null : root.getValue();
    }
}
