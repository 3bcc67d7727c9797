package io.releasepilot.cli;

import io.releasepilot.core.Passphrase;
import io.releasepilot.core.Progress;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.git.GitRepository;
import io.releasepilot.keys.Signer;
import io.releasepilot.source.ExportRules;
import io.releasepilot.source.Preflight;
import io.releasepilot.source.PreflightCheck;
import io.releasepilot.source.SourceArchiveBuilder;
import io.releasepilot.source.SourceRequest;
import io.releasepilot.source.SourceResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Year;
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

    /** The options that say which archive of which tag. */
    static final class What {
        @Mixin
        HomeOption home;
        @Option(names = "--repo", required = true, paramLabel = "DIR", description = "Local git clone.")
        Path repo;
        @Option(names = "--tag", required = true, paramLabel = "T", description = "Tag (or commit) to build from.")
        String tag;
        @Option(names = "--project", required = true, paramLabel = "ID", description = "Project id, e.g. kvrocks.")
        String project;
        @Option(names = "--version", required = true, paramLabel = "V",
                description = "Version being released, e.g. 2.4.0.")
        String version;
        @Option(names = "--incubating", description = "Podling: -incubating in the name, DISCLAIMER required.")
        boolean incubating;
        @Option(names = "--submodules", description = "Include git submodules (MXNet needs them).")
        boolean submodules;
        @Option(names = "--keep-dot-files", description = "Keep .git* and other dot files (default: left out).")
        boolean keepDotFiles;
        @Option(names = "--drop", paramLabel = "NAME", description = "Also leave out files or folders with this name"
                + " (repeatable), e.g. --drop .DS_Store")
        List<String> drop = new ArrayList<>();
        @Option(names = "--remove", paramLabel = "PATH", description = "Leave out this path (repeatable), e.g."
                + " --remove R-package")
        List<String> remove = new ArrayList<>();
        @Option(names = "--no-export-ignore", description = "Ignore export-ignore in .gitattributes.")
        boolean noExportIgnore;

        SourceRequest request(boolean zip, Path out) throws ReleasePilotException {
            List<String> dots = new ArrayList<>(keepDotFiles ? List.of() : ExportRules.DEFAULT_DOT_FILES);
            dots.addAll(drop);
            try {
                return new SourceRequest(repo, tag, project, version, incubating,
                        new ExportRules(dots, remove, !noExportIgnore), submodules, zip, out);
            } catch (IllegalArgumentException e) {
                throw new ReleasePilotException(e.getMessage() + ".", "Correct the option and run it again.");
            }
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
        @Option(names = "--version-pattern", paramLabel = "TEXT", defaultValue = "{version}",
                description = "What the version file must contain (default: {version}).")
        String versionPattern;

        @Override
        public Integer call() throws ReleasePilotException {
            List<PreflightCheck> checks = new Preflight(versionFile, versionPattern, Year.now())
                    .run(what.request(false, Path.of(".")));
            return print(spec.commandLine().getOut(), checks) ? ExitCodes.OK : ExitCodes.CHECKS_FAILED;
        }
    }

    static boolean print(PrintWriter out, List<PreflightCheck> checks) {
        boolean ok = true;
        for (PreflightCheck c : checks) {
            out.printf("%-5s %-16s %s%n", c.passed() ? "ok" : c.blocking() ? "FAIL" : "warn", c.name(), c.message());
            if (!c.passed()) {
                out.printf("%-22s fix: %s%n", "", c.fix());
            }
            ok &= c.passed() || !c.blocking();
        }
        return ok;
    }

    @Command(name = "build", mixinStandardHelpOptions = true, description = "Build apache-<id>-<version>[-incubating]"
            + "-src.tar.gz (and --zip) from the tag, reproducibly. Prints each artifact's path.")
    static final class Build implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        What what;
        @Option(names = "--out", required = true, paramLabel = "DIR",
                description = "Folder for the archives, e.g. <release folder>/artifacts/2.4.0-rc1.")
        Path out;
        @Option(names = "--zip", description = "Also build a .zip.")
        boolean zip;
        @Option(names = "--skip-preflight", description = "Build even if the pre-flight checks fail.")
        boolean skipPreflight;

        @Override
        public Integer call() throws ReleasePilotException {
            PrintWriter err = spec.commandLine().getErr();
            SourceRequest request = what.request(zip, out);
            if (!skipPreflight) {
                List<PreflightCheck> checks = new Preflight(null, "{version}", Year.now()).run(request);
                if (!print(err, checks)) {
                    err.println("Pre-flight checks failed; nothing was built. Fix them, or add --skip-preflight.");
                    return ExitCodes.CHECKS_FAILED;
                }
            }
            SourceResult result = new SourceArchiveBuilder().build(request, Progress.NONE);
            err.println("Built from " + what.tag + " (" + result.commit() + "): " + result.files() + " files, "
                    + result.excluded().size() + " left out:");
            result.excluded().stream().limit(50).forEach(e -> err.println("  - " + e));
            result.artifacts().forEach(a -> spec.commandLine().getOut().println(a));
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
        @Option(names = "--repo", required = true, paramLabel = "DIR", description = "Local git clone to tag.")
        Path repo;
        @Option(names = "--name", required = true, paramLabel = "T", description = "The tag, e.g. v2.4.0-rc1.")
        String name;
        @Option(names = "--commit", defaultValue = "HEAD", paramLabel = "C",
                description = "Commit to tag (default: HEAD).")
        String commit;
        @Option(names = "--message", paramLabel = "M", description = "Tag message (default: Release candidate <tag>).")
        String message;
        @Option(names = "--tagger-name", required = true, paramLabel = "NAME",
                description = "Your name, as the tag's tagger.")
        String taggerName;
        @Option(names = "--tagger-email", required = true, paramLabel = "ADDR",
                description = "Your email, as the tag's tagger.")
        String taggerEmail;
        @Option(names = "--key", paramLabel = "FPR", description = "Sign the tag with this key.")
        String key;
        @Option(names = "--gpg", description = "Sign through GnuPG instead of the built-in keyring.")
        boolean gpg;
        @Option(names = "--passphrase-file", paramLabel = "F", description = "The key's passphrase (else asked).")
        Path passphraseFile;

        @Override
        public Integer call() throws ReleasePilotException {
            SignCommand.CliSigner cli = key == null ? null : SignCommand.signer(home, KeysCommand.fingerprint(key), gpg,
                    null, passphraseFile, spec.commandLine().getErr());
            Optional<Signer> signer = Optional.ofNullable(cli).map(SignCommand.CliSigner::signer);
            try (GitRepository git = GitRepository.open(repo)) {
                String target = git.resolve(commit).commit();
                git.createTag(name, target, message == null ? "Release candidate " + name : message, taggerName,
                        taggerEmail, signer);
                spec.commandLine().getOut().println("Created " + (signer.isPresent() ? "signed " : "")
                        + "annotated tag " + name + " on " + target + ". Push it with: release-pilot source push-tag"
                        + " --repo " + repo + " --remote origin --tag " + name);
            } finally {
                if (cli != null) {
                    cli.close();
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
        @Option(names = "--repo", required = true, paramLabel = "DIR",
                description = "Local git clone that has the tag.")
        Path repo;
        @Option(names = "--remote", defaultValue = "origin", paramLabel = "R", description = "Remote name or URL.")
        String remote;
        @Option(names = "--tag", required = true, paramLabel = "T", description = "The tag to push, e.g. v2.4.0-rc1.")
        String tag;
        @Option(names = "--username", paramLabel = "U", description = "User name for an https remote.")
        String username;
        @Option(names = "--password-file", paramLabel = "F", description = "Password or token for this push only.")
        Path passwordFile;

        @Override
        public Integer call() throws ReleasePilotException {
            char[] password = new char[0];
            if (passwordFile != null) {
                try (Passphrase p = Passphrases.read(passwordFile, "Password", false, true, spec.commandLine().getErr())) {
                    password = p.chars().clone();
                }
            }
            try (GitRepository git = GitRepository.open(repo)) {
                git.pushTag(remote, tag, username, password);
            } finally {
                java.util.Arrays.fill(password, '\0');
            }
            spec.commandLine().getOut().println("Pushed " + tag + " to " + remote + ".");
            return ExitCodes.OK;
        }
    }
}
