package io.releasepilot.cli;

import io.releasepilot.core.DataFileException;
import io.releasepilot.core.Json;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.release.FieldProblem;
import io.releasepilot.release.ProfileValidator;
import io.releasepilot.release.ReleaseRecord;
import io.releasepilot.release.ReleaseNames;
import io.releasepilot.release.ReleaseProfile;
import io.releasepilot.release.ReleaseStore;
import io.releasepilot.release.Workspace;
import io.releasepilot.settings.Settings;
import io.releasepilot.settings.SettingsStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code profile init} and {@code profile show}: create and read a release's release.json. */
@Command(name = "profile", description = "Create or show a release profile (release.json in a release folder).",
        mixinStandardHelpOptions = true, subcommands = {ProfileCommand.Init.class, ProfileCommand.Show.class})
public final class ProfileCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Start a release in a folder: writes release.json with the defaults filled in.")
    static final class Init implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        HomeOption home;
        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Release folder to create.")
        Path dir;
        @Option(names = "--project", required = true, paramLabel = "ID", description = "Project id, e.g. kvrocks.")
        String project;
        @Option(names = "--version", required = true, paramLabel = "V", description = "Version, e.g. 2.4.0.")
        String version;
        @Option(names = "--podling", description = "The project is in the Apache Incubator.")
        boolean podling;
        @Option(names = "--rc", paramLabel = "N", defaultValue = "1", description = "RC number (default 1).")
        int rc;
        @Option(names = "--display-name", paramLabel = "NAME", description = "Default: Apache <Id>.")
        String displayName;
        @Option(names = "--repo", paramLabel = "DIR", description = "Local git clone of the project.")
        Path repo;
        @Option(names = "--rc-tag-pattern", paramLabel = "P", description = "Default: "
                + ReleaseProfile.DEFAULT_RC_TAG_PATTERN)
        String rcTagPattern;
        @Option(names = "--release-tag-pattern", paramLabel = "P", description = "Default: "
                + ReleaseProfile.DEFAULT_RELEASE_TAG_PATTERN)
        String releaseTagPattern;
        @Option(names = "--branch-pattern", paramLabel = "P", description = "Default: "
                + ReleaseProfile.DEFAULT_BRANCH_PATTERN)
        String branchPattern;
        @Option(names = "--dev-list", paramLabel = "ADDR", description = "Default: dev@<id>.apache.org")
        String devList;
        @Option(names = "--dist-dev-url", paramLabel = "URL", description = "Where candidates are staged. Default:"
                + " https://dist.apache.org/repos/dist/dev/[incubator/]<id>/")
        String distDevUrl;
        @Option(names = "--dist-release-url", paramLabel = "URL", description = "Where releases and KEYS live."
                + " Default: https://dist.apache.org/repos/dist/release/[incubator/]<id>/")
        String distReleaseUrl;
        @Option(names = "--name", paramLabel = "NAME", description = "Your name (default from settings).")
        String rmName;
        @Option(names = "--apache-id", paramLabel = "ID", description = "Your Apache id (default from settings).")
        String rmApacheId;
        @Option(names = "--email", paramLabel = "ADDR", description = "Your email (default from settings).")
        String rmEmail;
        @Option(names = "--key", paramLabel = "FPR", description = "Fingerprint of your signing key.")
        String key;
        @Option(names = "--gpg", description = "Sign this release through GnuPG and its agent (a smartcard, an"
                + " existing ~/.gnupg) instead of Release Pilot's own keyring.")
        boolean gnupg;
        @Option(names = "--gnupg-home", paramLabel = "DIR", description = "GnuPG home for --gpg (default: gpg's own).")
        Path gnupgHome;

        @Override
        public Integer call() throws ReleasePilotException {
            PrintWriter out = spec.commandLine().getOut();
            SettingsStore settingsStore = new SettingsStore(home.resolve());
            Settings settings = settingsStore.loadOrEmpty();
            ReleaseProfile d = ReleaseProfile.withDefaults(project, podling, version);
            ReleaseProfile profile = new ReleaseProfile(d.projectId(), or(displayName, d.displayName()), podling,
                    d.version(), rc, repo == null ? "" : repo.toAbsolutePath().toString(),
                    or(rcTagPattern, d.rcTagPattern()), or(releaseTagPattern, d.releaseTagPattern()),
                    or(branchPattern, d.branchPattern()), or(distDevUrl, d.distDevUrl()),
                    or(distReleaseUrl, d.distReleaseUrl()),
                    or(devList, d.devList()), d.announceList(), or(rmName, settings.defaultName()),
                    or(rmApacheId, settings.defaultApacheId()), or(rmEmail, settings.defaultEmail()),
                    key == null ? "" : key, gnupg ? ReleaseProfile.BACKEND_GNUPG : ReleaseProfile.BACKEND_BUILT_IN,
                    gnupgHome == null ? "" : gnupgHome.toAbsolutePath().toString());
            List<FieldProblem> problems = ProfileValidator.validate(profile);
            if (!problems.isEmpty()) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("The release profile is not valid; nothing was written:");
                problems.forEach(p -> err.println("  - " + p.text()));
                return ExitCodes.USAGE_OR_IO;
            }
            ReleaseStore.checkNewFolder(dir);
            Workspace ws = new ReleaseStore().create(dir, profile);
            try {
                // As the window does: the first release manager given becomes the default for the next release.
                settingsStore.update(s -> {
                    Settings recent = s.withRecent(ws.dir().toString());
                    return s.defaultName().isEmpty() && s.defaultApacheId().isEmpty() && s.defaultEmail().isEmpty()
                            ? recent.withDefaults(profile.rmName(), profile.rmApacheId(), profile.rmEmail()) : recent;
                });
            } catch (DataFileException e) {
                spec.commandLine().getErr().println("Note: " + e.getMessage());
            }
            out.println("Created " + ws.releaseFile());
            printNames(out, profile);
            String missing = missingReleaseManager(profile);
            if (!missing.isEmpty()) {
                spec.commandLine().getErr().println("Not set: " + missing + ". The mails, the tag and the dist steps"
                        + " need them; set them in the window's Release profile step, or start again in an empty"
                        + " folder with --name, --email and --apache-id.");
            }
            return ExitCodes.OK;
        }

        private static String or(String value, String fallback) {
            return value == null || value.isBlank() ? fallback : value;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print a release's profile and the"
            + " names that follow from it.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        /** Accepted after the command too, as every command does; this command keeps nothing in the home. */
        @picocli.CommandLine.Mixin
        HomeOption home;
        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Release folder.")
        Path dir;
        @Option(names = "--json", description = "Print release.json as stored.")
        boolean json;

        @Override
        public Integer call() throws ReleasePilotException, IOException {
            PrintWriter out = spec.commandLine().getOut();
            ReleaseRecord doc = new ReleaseStore().load(new Workspace(dir));
            if (json) {
                out.println(Json.mapper().writeValueAsString(doc));
                return ExitCodes.OK;
            }
            ReleaseProfile p = doc.profile();
            out.printf("%-18s %s (%s)%s%n", "Project", p.displayName(), p.projectId(), p.podling() ? ", podling" : "");
            out.printf("%-18s %s, RC %d%n", "Version", p.version(), p.rcNumber());
            out.printf("%-18s %s%n", "Repository", p.gitRepository().isEmpty() ? "(not set)" : p.gitRepository());
            out.printf("%-18s %s%n", "Release manager", missingReleaseManager(p).isEmpty()
                    ? p.rmName() + " <" + p.rmEmail() + "> (" + p.rmApacheId() + ")"
                    : (p.rmName().isEmpty() ? "" : p.rmName() + " ") + "(not set: " + missingReleaseManager(p) + ")");
            out.printf("%-18s %s%n", "Signing key",
                    p.signingKeyFingerprint().isEmpty() ? "(not set)" : p.signingKeyFingerprint());
            printNames(out, p);
            List<FieldProblem> problems = ProfileValidator.validate(p);
            if (!problems.isEmpty()) {
                out.println("Problems:");
                problems.forEach(problem -> out.println("  - " + problem.text()));
            }
            return ExitCodes.OK;
        }
    }

    static void printNames(PrintWriter out, ReleaseProfile p) throws ReleasePilotException {
        ReleaseNames n = ReleaseNames.of(p);
        out.printf("%-18s %s%n", "Source artifact", n.sourceArtifact());
        out.printf("%-18s %s (%s)%n", "Release kind", n.kind() == io.releasepilot.version.ReleaseKind.FEATURE
                ? "feature release: cut branch " + n.branch() + " first" : "patch release on branch " + n.branch(),
                n.kind().name().toLowerCase(java.util.Locale.ROOT));
        out.printf("%-18s %s%n", "RC tag", n.rcTag());
        out.printf("%-18s %s%n", "Release tag", n.releaseTag());
        out.printf("%-18s %s%n", "RC folder", n.distDevRcUrl());
        out.printf("%-18s %s%n", "Release folder", n.distReleaseUrl());
        n.version().nextMainLine().ifPresent(v -> out.printf("%-18s %s%n", "Main line after", v));
    }

    /** The release manager's fields that are empty, in words ("" when all are set). */
    static String missingReleaseManager(ReleaseProfile p) {
        List<String> missing = new java.util.ArrayList<>();
        if (p.rmName().isBlank()) {
            missing.add("your name");
        }
        if (p.rmEmail().isBlank()) {
            missing.add("your email");
        }
        if (p.rmApacheId().isBlank()) {
            missing.add("your Apache id");
        }
        return String.join(", ", missing);
    }
}
