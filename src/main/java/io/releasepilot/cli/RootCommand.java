package io.releasepilot.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

import java.util.List;

/** {@code release-pilot}: the command-line face of the same services the GUI uses. */
@Command(name = "release-pilot", mixinStandardHelpOptions = true, versionProvider = RootCommand.VersionInfo.class,
        description = "Guides an ASF source release and verifies release candidates.%n"
                + "Run without a command to open the window.%n"
                + "Settings and keys live in the OS application-data folder; --home DIR (before or after the"
                + " command) or the environment variable RELEASE_PILOT_HOME=DIR moves them.",
        footerHeading = "%nExit codes:%n",
        footer = {"  0  done; for verify: every check passed",
                "  1  the checks ran and at least one failed",
                "  2  bad usage, bad input or an I/O error (the message says what and where)",
                "  3  unexpected internal error",
                "130  cancelled"})
public final class RootCommand implements Runnable {
    /**
     * The commands, in the order the help lists them. {@link Cli} adds them itself (not through the annotation),
     * so that running one command does not first build every other one.
     */
    static final List<Class<?>> COMMANDS = List.of(ProfileCommand.class, VerifyCommand.class, KeysCommand.class,
            SourceCommand.class, SignCommand.class, NotesCommand.class, StatusCommand.class, RcCommand.class,
            NextVersionCommand.class, MailCommand.class, VoteCommand.class, DistCommand.class, BranchCommand.class,
            TimelineCommand.class);

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Read by {@link HomeOption} when the command itself has no --home. */
    @picocli.CommandLine.Option(names = "--home", paramLabel = "DIR", description = "Folder for settings and keys,"
            + " for the command that follows (default: $RELEASE_PILOT_HOME, else the OS application-data folder).")
    java.nio.file.Path home;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version from the jar's manifest, or "development" when run from classes. */
    public static final class VersionInfo implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"release-pilot " + version()};
        }

        public static String version() {
            return io.releasepilot.core.AppVersion.version();
        }
    }
}
