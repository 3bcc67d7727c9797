package io.releasepilot.cli;

import io.releasepilot.core.Passphrase;
import io.releasepilot.core.Progress;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.keys.KeyService;
import io.releasepilot.keys.SigningChoice;
import io.releasepilot.release.RecordService;
import io.releasepilot.release.ReleaseNames;
import io.releasepilot.release.ReleaseProfile;
import io.releasepilot.release.ReleaseRecord;
import io.releasepilot.source.ExportRules;
import io.releasepilot.source.PreflightCheck;
import io.releasepilot.source.SourceOptions;
import io.releasepilot.source.SourceRequest;
import io.releasepilot.source.SourceService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code source}: the source release from a git tag: pre-flight, build, RC tag and its push. */
@Command(name = "source", mixinStandardHelpOptions = true, description = "Build the source release from a git tag.",
        subcommands = {SourceCommand.Build.class, SourceCommand.Check.class, SourceCommand.Tag.class,
                SourceCommand.PushTag.class})
public final class SourceCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The options that say which archive of which tag; with --dir they default to the release's. */
    static final class What {
        @Mixin
        HomeOption home;
        @Mixin
        ReleaseDirOption release;
        @Option(names = "--repo", paramLabel = "DIR", description = "Local git clone (default with --dir: the"
                + " profile's repository).")
        Path repo;
        @Option(names = "--tag", paramLabel = "T", description = "Tag (or commit) to build from (default with --dir:"
                + " the current RC's tag).")
        String tag;
        @Option(names = "--project", paramLabel = "ID", description = "Project id, e.g. kvrocks (default with --dir:"
                + " the profile's).")
        String project;
        @Option(names = "--version", paramLabel = "V", description = "Version, e.g. 2.4.0 (default with --dir: the"
                + " profile's).")
        String version;
        @Option(names = "--incubating", description = "Podling: -incubating in the name, DISCLAIMER required.")
        boolean incubating;
        @Option(names = "--submodules", description = "Include git submodules (MXNet needs them).")
        boolean submodules;
        @Option(names = "--keep-dot-files", description = "Keep .git* and other dot files (default: left out, except the"
                + " top-level .rat-excludes, which the license-header checks read).")
        boolean keepDotFiles;
        @Option(names = "--drop", paramLabel = "NAME", description = "Also leave out files or folders with this name"
                + " (repeatable), e.g. --drop .DS_Store")
        List<String> drop = new ArrayList<>();
        @Option(names = "--remove", paramLabel = "PATH", description = "Leave out this path (repeatable), e.g."
                + " --remove R-package")
        List<String> remove = new ArrayList<>();
        @Option(names = "--no-export-ignore", description = "Ignore export-ignore in .gitattributes.")
        boolean noExportIgnore;

        SourceService service() {
            return new SourceService(new KeyService(home.resolve()));
        }

        /** The options: the release's remembered ones, with what was given on the command line added. */
        SourceOptions options(boolean zip, ReleaseRecord record) {
            SourceOptions base = record == null ? SourceOptions.defaults() : service().options(record);
            List<String> dots = new ArrayList<>(keepDotFiles ? List.of() : base.dotFiles().isEmpty()
                    ? ExportRules.DEFAULT_DOT_FILES : base.dotFiles());
            dots.addAll(drop);
            List<String> removals = new ArrayList<>(base.removals());
            removals.addAll(remove);
            return new SourceOptions(dots, removals, !noExportIgnore && base.exportIgnore(),
                    submodules || base.submodules(), zip || base.zip(), base.versionFile(), base.versionPattern());
        }

        SourceRequest request(SourceOptions options, ReleaseRecord record, Path out) throws ReleasePilotException {
            SourceService service = service();
            if (record != null) {
                ReleaseProfile p = record.profile();
                Path repository = repo != null ? repo : p.gitRepository().isBlank() ? null : Path.of(p.gitRepository());
                if (repository == null) {
                    throw new ReleasePilotException("The release profile names no git repository.",
                            "Give --repo DIR, or set it with profile init --repo DIR.");
                }
                Path dir = out != null ? out : SourceService.outputDir(release.records().workspace(), p);
                return service.request(repository, ReleaseDirOption.or(tag, ReleaseNames.of(p).rcTag()),
                        ReleaseDirOption.or(project, p.projectId()), ReleaseDirOption.or(version, p.version()),
                        incubating || p.podling(), options, dir);
            }
            List<String> missing = new ArrayList<>();
            if (repo == null) {
                missing.add("--repo");
            }
            if (tag == null) {
                missing.add("--tag");
            }
            if (project == null) {
                missing.add("--project");
            }
            if (version == null) {
                missing.add("--version");
            }
            if (out == null) {
                missing.add("--out");
            }
            if (!missing.isEmpty()) {
                throw new ReleasePilotException("Missing " + String.join(", ", missing) + ".",
                        "Give --dir RELEASE_DIR to take them from the release, or give each option.");
            }
            return service.request(repo, tag, project, version, incubating, options, out);
        }

        ReleaseRecord record() throws ReleasePilotException {
            return release.given() ? release.load() : null;
        }
    }

    @Command(name = "preflight", mixinStandardHelpOptions = true, description = "Check the tree of the tag before"
            + " building: LICENSE, NOTICE and its year, DISCLAIMER, the version, license headers (Apache RAT).")
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        What what;
        @Option(names = "--version-file", paramLabel = "PATH", description = "File that holds the version.")
        String versionFile;
        @Option(names = "--version-pattern", paramLabel = "TEXT",
                description = "What the version file must contain (default: {version}).")
        String versionPattern;

        @Override
        public Integer call() throws ReleasePilotException {
            ReleaseRecord record = what.record();
            SourceOptions o = what.options(false, record);
            o = new SourceOptions(o.dotFiles(), o.removals(), o.exportIgnore(), o.submodules(), o.zip(),
                    ReleaseDirOption.or(versionFile, o.versionFile()), ReleaseDirOption.or(versionPattern,
                    o.versionPattern()));
            SourceService service = what.service();
            List<PreflightCheck> checks = service.preflight(what.request(o, record, Path.of(".")), o);
            return print(spec.commandLine().getOut(), checks) ? ExitCodes.OK : ExitCodes.CHECKS_FAILED;
        }
    }

    static boolean print(PrintWriter out, List<PreflightCheck> checks) {
        for (PreflightCheck c : checks) {
            out.printf("%-5s %-16s %s%n", c.passed() ? "ok" : c.blocking() ? "FAIL" : "warn", c.name(), c.message());
            if (!c.passed()) {
                out.printf("%-22s fix: %s%n", "", c.fix());
            }
        }
        return SourceService.passed(checks);
    }

    @Command(name = "build", mixinStandardHelpOptions = true, description = "Build apache-<id>-<version>[-incubating]"
            + "-src.tar.gz (and --zip) from the tag, reproducibly. Prints each artifact's path. With --dir the"
            + " archives go to the release's artifacts/<version>-rcN/ and the source step is recorded.")
    static final class Build implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        What what;
        @Option(names = "--out", paramLabel = "DIR", description = "Folder for the archives (default with --dir:"
                + " the release's artifacts/<version>-rcN).")
        Path out;
        @Option(names = "--zip", description = "Also build a .zip.")
        boolean zip;
        @Option(names = "--skip-preflight", description = "Build even if the pre-flight checks fail.")
        boolean skipPreflight;

        @Override
        public Integer call() throws ReleasePilotException {
            PrintWriter err = spec.commandLine().getErr();
            ReleaseRecord record = what.record();
            SourceOptions options = what.options(zip, record);
            SourceRequest request = what.request(options, record, out);
            SourceService service = what.service();
            if (!skipPreflight) {
                if (!print(err, service.preflight(request, options))) {
                    err.println("Pre-flight checks failed; nothing was built. Fix them, or add --skip-preflight.");
                    return ExitCodes.CHECKS_FAILED;
                }
            }
            RecordService records = record == null ? null : what.release.records();
            if (records != null) {
                service.saveOptions(records, options);
            }
            SourceService.Built built = service.build(request, records, Progress.NONE);
            int left = built.result().excluded().size();
            err.println("Built from " + request.revision() + " (" + built.result().commit() + "): "
                    + built.result().files() + " files, " + left + " left out" + (left == 0 ? "." : ":"));
            built.result().excluded().stream().limit(50).forEach(e -> err.println("  - " + e));
            built.result().artifacts().forEach(a -> spec.commandLine().getOut().println(a));
            if (records != null) {
                err.println("Recorded in " + records.workspace().releaseFile() + ". Next: release-pilot sign --dir "
                        + records.workspace().dir());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "tag", mixinStandardHelpOptions = true, description = "Create the RC tag as an annotated tag"
            + " in the local repository, optionally signed with the release key. Pushing is a separate step.")
    static final class Tag implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        HomeOption home;
        @Mixin
        ReleaseDirOption release;
        @Option(names = "--repo", paramLabel = "DIR", description = "Local git clone (default with --dir: the"
                + " profile's).")
        Path repo;
        @Option(names = "--name", paramLabel = "T", description = "The tag, e.g. v2.4.0-rc1 (default with --dir: the"
                + " current RC's tag).")
        String name;
        @Option(names = "--commit", paramLabel = "C", description = "The commit to tag (default with --dir: the tip"
                + " of the release branch once the branch step recorded it, else HEAD).")
        String commit;
        @Option(names = "--message", paramLabel = "M", description = "Tag message (default: Release candidate <tag>).")
        String message;
        @Option(names = "--tagger-name", paramLabel = "NAME", description = "Your name (default with --dir: the"
                + " profile's).")
        String taggerName;
        @Option(names = "--tagger-email", paramLabel = "ADDR", description = "Your email (default with --dir: the"
                + " profile's).")
        String taggerEmail;
        @Option(names = "--key", paramLabel = "FPR", description = "Sign the tag with this key.")
        String key;
        @Option(names = "--sign", description = "With --dir: sign the tag with the release's key and backend.")
        boolean sign;
        @Option(names = "--gpg", description = "Sign through GnuPG instead of the built-in keyring.")
        boolean gpg;
        @Option(names = "--gnupg-home", paramLabel = "DIR", description = "GnuPG home for --gpg (default: gpg's own).")
        Path gnupgHome;
        @Option(names = "--passphrase-file", paramLabel = "F", description = "The key's passphrase (else asked).")
        Path passphraseFile;

        @Override
        public Integer call() throws ReleasePilotException {
            io.releasepilot.release.ReleaseRecord record = release.given() ? release.load() : null;
            ReleaseProfile p = record == null ? null : record.profile();
            Path repository = repo != null ? repo : p != null && !p.gitRepository().isBlank()
                    ? Path.of(p.gitRepository()) : null;
            String target = commit != null ? commit : record != null ? SourceService.defaultTagCommit(record) : "HEAD";
            String tagName = ReleaseDirOption.or(name, p == null ? null : ReleaseNames.of(p).rcTag());
            String tagger = ReleaseDirOption.or(taggerName, p == null ? null : p.rmName());
            String taggerMail = ReleaseDirOption.or(taggerEmail, p == null ? null : p.rmEmail());
            if (repository == null || tagName == null || tagger == null || tagger.isBlank() || taggerMail == null
                    || taggerMail.isBlank()) {
                throw new ReleasePilotException("Missing the repository, the tag name or the tagger.",
                        "Give --dir RELEASE_DIR, or --repo, --name, --tagger-name and --tagger-email.");
            }
            Optional<SigningChoice> signing = Optional.empty();
            if (key != null) {
                signing = Optional.of(new SigningChoice(KeysCommand.fingerprint(key), gpg, gnupgHome));
            } else if (sign && p != null) {
                signing = Optional.of(SigningChoice.of(p));
            }
            Passphrase passphrase = signing.isPresent() && !signing.get().gnupg() ? Passphrases.read(passphraseFile,
                    "Passphrase for key " + signing.get().fingerprint().grouped(), false, true,
                    spec.commandLine().getErr()) : null;
            try {
                String tagged = new SourceService(new KeyService(home.resolve())).createTag(repository, tagName,
                        target, message, tagger, taggerMail, signing, () -> new Passphrase(passphrase.chars()));
                spec.commandLine().getOut().println("Created " + (signing.isPresent() ? "signed " : "")
                        + "annotated tag " + tagName + " on " + tagged + (target.startsWith("refs/heads/")
                        ? " (the tip of " + target.substring("refs/heads/".length()) + ")" : "")
                        + ". Push it with: release-pilot source push-tag"
                        + (release.given() ? " --dir " + release.dir() : " --repo " + repository + " --tag " + tagName)
                        + " --remote origin");
            } finally {
                if (passphrase != null) {
                    passphrase.close();
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "push-tag", mixinStandardHelpOptions = true, description = "Push one tag to a remote.")
    static final class PushTag implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        HomeOption home;
        @Mixin
        ReleaseDirOption release;
        @Option(names = "--repo", paramLabel = "DIR", description = "Local git clone (default with --dir: the"
                + " profile's).")
        Path repo;
        @Option(names = "--remote", defaultValue = "origin", paramLabel = "R", description = "Remote name or URL.")
        String remote;
        @Option(names = "--tag", paramLabel = "T", description = "The tag to push (default with --dir: the current"
                + " RC's tag).")
        String tag;
        @Option(names = "--username", paramLabel = "U", description = "User name for an https remote.")
        String username;
        @Option(names = "--password-file", paramLabel = "F", description = "Password or token for this push only.")
        Path passwordFile;

        @Override
        public Integer call() throws ReleasePilotException {
            ReleaseProfile p = release.given() ? release.load().profile() : null;
            Path repository = repo != null ? repo : p != null && !p.gitRepository().isBlank()
                    ? Path.of(p.gitRepository()) : null;
            String tagName = ReleaseDirOption.or(tag, p == null ? null : ReleaseNames.of(p).rcTag());
            if (repository == null || tagName == null) {
                throw new ReleasePilotException("Missing the repository or the tag.",
                        "Give --dir RELEASE_DIR, or --repo DIR and --tag T.");
            }
            char[] password = new char[0];
            if (passwordFile != null) {
                try (Passphrase pw = Passphrases.read(passwordFile, "Password", false, true,
                        spec.commandLine().getErr())) {
                    password = pw.chars().clone();
                }
            }
            try {
                new SourceService(new KeyService(home.resolve())).pushTag(repository, remote, tagName, username,
                        password);
            } finally {
                java.util.Arrays.fill(password, '\0');
            }
            spec.commandLine().getOut().println("Pushed " + tagName + " to "
                    + io.releasepilot.core.IoErrors.redact(remote) + ".");
            return ExitCodes.OK;
        }
    }
}
