package io.releasepilot.cli;

import io.releasepilot.core.AppHome;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --home DIR} option every command takes (else RELEASE_PILOT_HOME, else the OS default). */
public final class HomeOption {
    @Option(names = "--home", paramLabel = "DIR", description = "Folder for settings and keys"
            + " (default: $RELEASE_PILOT_HOME, else the OS application-data folder).")
    Path home;

    /** The home folder; refuses a --home (or RELEASE_PILOT_HOME) that names a file. */
    public AppHome resolve() throws io.releasepilot.core.ReleasePilotException {
        AppHome resolved = AppHome.resolve(home);
        if (java.nio.file.Files.exists(resolved.dir()) && !java.nio.file.Files.isDirectory(resolved.dir())) {
            throw new io.releasepilot.core.ReleasePilotException("The Release Pilot home " + resolved.dir()
                    + " is a file, not a folder.", "Give --home (or RELEASE_PILOT_HOME) a folder; it is created if"
                    + " it does not exist.");
        }
        return resolved;
    }
}
