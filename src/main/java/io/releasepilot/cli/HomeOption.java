package io.releasepilot.cli;

import io.releasepilot.core.AppHome;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --home DIR} option every command takes (else RELEASE_PILOT_HOME, else the OS default). */
public final class HomeOption {
    @Option(names = "--home", paramLabel = "DIR", description = "Folder for settings and keys"
            + " (default: $RELEASE_PILOT_HOME, else the OS application-data folder).")
    Path home;

    public AppHome resolve() {
        return AppHome.resolve(home);
    }
}
