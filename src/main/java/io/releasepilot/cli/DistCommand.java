package io.releasepilot.cli;

import io.releasepilot.core.Passphrase;
import io.releasepilot.core.Progress;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.keys.KeyService;
import io.releasepilot.pgp.Fingerprint;
import io.releasepilot.release.ArtifactRecord;
import io.releasepilot.release.KeysFileOutputs;
import io.releasepilot.release.PruneOutputs;
import io.releasepilot.release.PublishOutputs;
import io.releasepilot.release.RecordService;
import io.releasepilot.release.ReleaseNames;
import io.releasepilot.release.ReleaseProfile;
import io.releasepilot.release.ReleaseRecord;
import io.releasepilot.release.StageOutputs;
import io.releasepilot.release.StepId;
import io.releasepilot.release.TallyOutputs;
import io.releasepilot.release.Workspace;
import io.releasepilot.sign.ArtifactSigner;
import io.releasepilot.sign.Promotion;
import io.releasepilot.svn.DistFetch;
import io.releasepilot.svn.DistKeys;
import io.releasepilot.svn.DistOptions;
import io.releasepilot.svn.DistPrune;
import io.releasepilot.svn.DistPublish;
import io.releasepilot.svn.DistStage;
import io.releasepilot.svn.ForbiddenException;
import io.releasepilot.svn.SvnCredentials;
import io.releasepilot.svn.SvnException;
import io.releasepilot.version.Version;
import io.releasepilot.version.VersionFormatException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code dist ...}: the dist area through Subversion, without a working copy. */
@Command(name = "dist", mixinStandardHelpOptions = true, description = "The dist area (dist.apache.org) through"
        + " Subversion, without a working copy: stage the RC, add your key to KEYS, publish, prune, fetch an RC.",
        subcommands = {DistCommand.Stage.class, DistCommand.Keys.class, DistCommand.Publish.class,
                DistCommand.Prune.class, DistCommand.Fetch.class})
public final class DistCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Where the release is, who commits, and the dist URLs when they differ from the profile. */
    static final class Common {
        @Mixin
        ReleaseDirOption release;
        @Option(names = "--username", paramLabel = "U", description = "Your Apache id (default: the profile's).")
        String username;
        @Option(names = "--password-file", paramLabel = "F", description = "Read the password from F's first line"
                + " (else it is asked on the console, not echoed). It is never stored.")
        Path passwordFile;
        @Option(names = "--dev-url", paramLabel = "URL", description = "dist/dev/<project>/ URL (default: the"
                + " profile's).")
        String devUrl;
        @Option(names = "--release-url", paramLabel = "URL", description = "dist/release/<project>/ URL (default:"
                + " the profile's).")
        String releaseUrl;

        RecordService record() throws ReleasePilotException {
            if (!release.given()) {
                throw new ReleasePilotException("Give the release folder with --dir RELEASE_DIR.",
                        "It holds release.json, made by 'release-pilot profile init'.");
            }
            return release.records();
        }

        ReleaseRecord load() throws ReleasePilotException {
            return record().load();
        }

        String dev(ReleaseProfile p) {
            return ReleaseDirOption.or(devUrl, p.distDevUrl());
        }

        String release(ReleaseProfile p) {
            return ReleaseDirOption.or(releaseUrl, p.distReleaseUrl());
        }

        SvnCredentials credentials(ReleaseProfile p, PrintWriter err) throws ReleasePilotException {
            String user = ReleaseDirOption.or(username, p.rmApacheId());
            if (user == null || user.isBlank()) {
                throw new ReleasePilotException("No Apache id to commit with.",
                        "Give --username, or set your Apache id in the profile.");
            }
            try (Passphrase pw = Passphrases.read(passwordFile, "Password of " + user + " for dist.apache.org", false,
                    false, err)) {
                return new SvnCredentials(user, pw.chars());
            } catch (IllegalArgumentException e) {
                throw new ReleasePilotException("The Apache id '" + io.releasepilot.svn.DistUrls.escape(user)
                        + "' is not valid: " + e.getMessage(), "Give your Apache id with --username.", e);
            }
        }
    }

    static ReleaseNames names(ReleaseProfile p) throws ReleasePilotException {
        try {
            return ReleaseNames.of(p);
        } catch (VersionFormatException e) {
            throw new ReleasePilotException("The profile's version '" + p.version() + "' is not valid: "
                    + e.getMessage(), "Fix it with 'release-pilot profile'.", e);
        }
    }

    static List<Path> rcFiles(Workspace ws, ReleaseRecord r, ReleaseNames names) throws ReleasePilotException {
        return io.releasepilot.svn.DistInputs.rcFiles(ws, r);
    }

    static Progress printing(PrintWriter err) {
        return new Progress() {
            private long total = -1;
            private long done;
            private int lastPercent = -1;

            @Override
            public void begin(String task, long totalWork) {
                total = totalWork;
                done = 0;
                err.println(task);
            }

            @Override
            public synchronized void worked(long units) {
                done += units;
                if (total > 0) {
                    int percent = (int) (done * 100 / total);
                    if (percent / 10 != lastPercent / 10) {
                        lastPercent = percent;
                        err.println("  " + percent + "% (" + done + " of " + total + " bytes)");
                        err.flush();
                    }
                }
            }

            @Override
            public boolean isCancelled() {
                return Thread.currentThread().isInterrupted();
            }
        };
    }

    @Command(name = "stage", mixinStandardHelpOptions = true, description = "Commit the RC's artifacts, .asc and"
            + " .sha512 to <dist-dev>/<version>-rcN/ in one commit, after a preview; then check them back.")
    static final class Stage implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        /** Accepted after the command too, as every command does; this command keeps nothing in the home. */
        @picocli.CommandLine.Mixin
        HomeOption home;
        @Mixin
        Common common;
        @Option(names = "--dry-run", description = "Only show what would be committed.")
        boolean dryRun;

        @Override
        public Integer call() throws ReleasePilotException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ReleaseRecord r = common.load();
            ReleaseProfile p = r.profile();
            ReleaseNames names = names(p);
            List<Path> files = rcFiles(common.record().workspace(), r, names);
            var request = new DistStage.Request(common.dev(p), names.rcFolder(), files,
                    "Stage " + p.displayName() + " " + names.rcFolder());
            DistStage stage = new DistStage(DistOptions.DEFAULT);
            DistStage.Preview preview = stage.preview(request, null, Progress.NONE);
            out.println("Will commit " + preview.url() + " (" + preview.files().size() + " files, "
                    + preview.totalBytes() + " bytes):");
            preview.files().forEach(f -> out.println("  " + f.name() + "  " + f.bytes() + " bytes"));
            if (preview.exists()) {
                throw new SvnException(SvnException.Reason.EXISTS, preview.url() + " already exists.",
                        "Staged candidates are never replaced: start the next candidate, " + preview.nextRcFolder()
                                + " (release-pilot rc next --dir " + common.release.dir() + ").");
            }
            if (dryRun) {
                out.println("Dry run: nothing was committed.");
                return ExitCodes.OK;
            }
            try (SvnCredentials c = common.credentials(p, err)) {
                DistStage.Result result = stage.stage(request, c, printing(err));
                common.record().done(StepId.STAGE, new StageOutputs(result.url(), result.revision(),
                        result.files().stream().map(f -> new ArtifactRecord(f.name(), f.bytes(), f.sha512())).toList()));
                out.println("Staged " + result.url() + " in r" + result.revision() + "; every file's size and"
                        + " checksum match what was sent.");
                out.println("Next: call the vote with this URL: release-pilot mail vote --dir " + common.release.dir()
                        + " --send");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "keys", mixinStandardHelpOptions = true, description = "Append your key to <dist-release>/KEYS"
            + " (only that file is read and committed), after showing the exact text.")
    static final class Keys implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Common common;
        @Mixin
        HomeOption home;
        @Option(names = "--key", paramLabel = "FPR", description = "The key (default: the profile's signing key).")
        String key;
        @Option(names = "--dry-run", description = "Only show what would be appended.")
        boolean dryRun;

        @Override
        public Integer call() throws ReleasePilotException {
            PrintWriter out = spec.commandLine().getOut();
            ReleaseProfile p = common.load().profile();
            String k = key != null ? key : p.signingKeyFingerprint();
            if (k == null || k.isBlank()) {
                throw new ReleasePilotException("No signing key is set in the release profile.", "Give --key FPR, or"
                        + " choose the release's key first (release-pilot keys use --dir " + common.release.dir() + " --key FPR).");
            }
            Fingerprint fpr = KeysCommand.fingerprint(k);
            String entry = keysEntry(p, fpr, home);
            DistKeys keys = new DistKeys(DistOptions.DEFAULT);
            DistKeys.Preview preview;
            try {
                preview = keys.preview(common.release(p), fpr, entry, null, Progress.NONE);
            } catch (SvnException e) {
                if (!(e.getCause() instanceof io.releasepilot.keys.KeyAlreadyInKeysException)) {
                    throw e;
                }
                // Running it again is not an error: the key is where it should be (perhaps a PMC member put it there).
                out.println(e.getMessage() + " Nothing to do.");
                if (!dryRun) {
                    common.record().done(StepId.KEYS_FILE, new KeysFileOutputs(common.release(p).replaceAll("/*$", "/") + "KEYS", -1,
                            fpr.hex()));
                }
                return ExitCodes.OK;
            }
            out.println((preview.created() ? "Will create " : "Will append to ") + preview.url() + " (r"
                    + preview.baseRevision() + ", " + preview.keysBefore() + " keys now):");
            out.println(preview.textToAppend());
            if (dryRun) {
                out.println("Dry run: nothing was committed.");
                return ExitCodes.OK;
            }
            try (SvnCredentials c = common.credentials(p, spec.commandLine().getErr())) {
                DistKeys.Result result = keys.commit(preview, entry, "Add the key of " + c.username() + " for "
                        + p.displayName(), c, Progress.NONE);
                if (result.redoneAfterRevision() > 0) {
                    out.println("Someone changed KEYS after r" + result.redoneAfterRevision()
                            + "; your key was appended to their new text (nothing of theirs was overwritten).");
                }
                common.record().done(StepId.KEYS_FILE, new KeysFileOutputs(result.url(), result.revision(),
                        fpr.hex()));
                out.println("Committed " + result.url() + " in r" + result.revision() + ".");
            } catch (SvnException e) {
                if (e.reason() != SvnException.Reason.FORBIDDEN) {
                    throw e;
                }
                PrintWriter err = spec.commandLine().getErr();
                err.println("Error: " + e.getMessage());
                err.println("On dist.apache.org only PMC members may write to dist/release. Send the request below to"
                        + " the PMC's private list; once a PMC member appended your key, run this command again and"
                        + " it records the step.");
                err.println();
                err.println(KeysOnDist.request(preview, ReleaseDirOption.or(common.username, p.rmApacheId()),
                        p.displayName()));
                return ExitCodes.USAGE_OR_IO;
            }
            return ExitCodes.OK;
        }
    }

    /**
     * The KEYS entry of {@code fpr}: exported by gpg from the profile's GnuPG home when the release signs through
     * GnuPG with this key (the key is not in Release Pilot's keyring then), else from Release Pilot's keyring.
     */
    static String keysEntry(ReleaseProfile p, Fingerprint fpr, HomeOption home) throws ReleasePilotException {
        boolean gnupg = p.usesGnuPg() && fpr.hex().equalsIgnoreCase(p.signingKeyFingerprint());
        return new KeyService(home.resolve()).keysEntry(gnupg ? io.releasepilot.keys.SigningChoice.of(p)
                : new io.releasepilot.keys.SigningChoice(fpr, false, null));
    }

    @Command(name = "publish", mixinStandardHelpOptions = true, description = "After the vote passed: move"
            + " <dist-dev>/<version>-rcN to <dist-release>/<version> on the server in one commit.")
    static final class Publish implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Common common;
        @Mixin
        HomeOption home;
        @Option(names = "--override-vote", paramLabel = "REASON", description = "Publish although the record has no"
                + " passed tally; the reason is recorded.")
        String overrideVote;
        @Option(names = "--dry-run", description = "Only show what would be committed.")
        boolean dryRun;
        @ArgGroup(exclusive = false)
        SigningOptions signing;

        /** Only when artifact names carry the RC marker: how to sign the renamed files. */
        static final class SigningOptions {
            @Option(names = "--passphrase-file", paramLabel = "F", description = "Key passphrase for re-signing"
                    + " renamed artifacts (names with an RC marker).")
            Path passphraseFile;
            @Option(names = "--gpg", description = "Re-sign renamed artifacts through GnuPG.")
            boolean gpg;
            @Option(names = "--gnupg-home", paramLabel = "DIR", description = "GnuPG home for --gpg.")
            Path gnupgHome;
        }

        @Override
        public Integer call() throws ReleasePilotException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ReleaseRecord r = common.load();
            ReleaseProfile p = r.profile();
            ReleaseNames names = names(p);
            TallyOutputs tally = r.outputs(StepId.TALLY, TallyOutputs.class);
            boolean passed = tally != null && tally.passed();
            String releaseFolder = names.distReleaseUrl().replaceAll("/+$", "");
            releaseFolder = releaseFolder.substring(releaseFolder.lastIndexOf('/') + 1);
            List<Path> files = rcFiles(common.record().workspace(), r, names);
            List<Promotion.Step> plan = Promotion.plan(files.stream()
                    .filter(f -> !f.getFileName().toString().endsWith(".asc")
                            && !f.getFileName().toString().endsWith(".sha512")).toList());
            List<Path> uploads = new ArrayList<>();
            Set<String> leave = new LinkedHashSet<>();
            for (Promotion.Step s : plan) {
                if (s.renames()) {
                    String n = s.artifact().getFileName().toString();
                    leave.addAll(List.of(n, n + ".asc", n + ".sha512"));
                }
            }
            DistPublish.Request request = new DistPublish.Request(common.dev(p), names.rcFolder(), common.release(p),
                    releaseFolder, "Publish " + p.displayName() + " " + releaseFolder, passed, overrideVote, List.of(),
                    leave);
            DistPublish publish = new DistPublish(DistOptions.DEFAULT);
            DistPublish.Preview preview;
            try {
                preview = publish.preview(request, null, Progress.NONE);
            } catch (SvnException e) {
                PublishedByPmc.Found moved = e.reason() == SvnException.Reason.NOT_FOUND && leave.isEmpty()
                        ? PublishedByPmc.check(request.to(), r.outputs(StepId.STAGE, StageOutputs.class), printing(err))
                        : null;
                if (moved == null) {
                    throw e;
                }
                out.println(names.rcFolder() + " is no longer on dist/dev, and " + moved.url() + " holds exactly the"
                        + " staged files (checked at r" + moved.revision() + "): it was published, by a PMC member.");
                if (!dryRun) {
                    common.record().done(StepId.PUBLISH, new PublishOutputs(moved.url(), moved.revision(),
                            passed ? null : overrideVote, moved.files()));
                    out.println("Recorded the Publish step as done.");
                    out.println("Next: wait for the mirrors (about a day), then prune old releases (release-pilot"
                            + " dist prune) and announce.");
                }
                return ExitCodes.OK;
            }
            out.println("Will " + (preview.plainMove() ? "move " : "publish ") + preview.from() + " to " + preview.to()
                    + (passed ? "" : overrideVote != null ? " (vote override: " + overrideVote + ")" : "") + ":");
            if (!leave.isEmpty()) {
                out.println("  artifact names carry the RC marker: they are renamed, signed and summed again.");
            }
            if (dryRun) {
                preview.files().forEach(f -> out.println("  " + f));
                out.println("Dry run: nothing was committed.");
                return ExitCodes.OK;
            }
            if (!passed && (overrideVote == null || overrideVote.isBlank())) {
                throw new ReleasePilotException("The record holds no passed tally for " + names.rcFolder() + ".",
                        "Tally the vote first (release-pilot vote tally), or give --override-vote REASON.");
            }
            if (!leave.isEmpty()) {
                SigningOptions so = signing == null ? new SigningOptions() : signing;
                io.releasepilot.keys.SigningChoice profileChoice = io.releasepilot.keys.SigningChoice.of(p);
                io.releasepilot.keys.SigningChoice choice = so.gpg || so.gnupgHome != null
                        ? new io.releasepilot.keys.SigningChoice(profileChoice.fingerprint(), true, so.gnupgHome)
                        : profileChoice;
                Path promoted = common.record().workspace().artifactsDir().resolve(releaseFolder);
                KeyService keyService = new KeyService(home.resolve());
                try (Passphrase passphrase = choice.gnupg() ? null : Passphrases.read(so.passphraseFile,
                        "Passphrase for key " + choice.fingerprint().grouped(), false, true, err)) {
                    io.releasepilot.keys.Signer signer = keyService.signer(choice,
                            () -> new Passphrase(passphrase.chars()));
                    for (ArtifactSigner.Signed s : Promotion.apply(plan, promoted, signer,
                            keyService.publicKeys(choice), Progress.NONE)) {
                        uploads.addAll(List.of(s.artifact(), s.asc(), s.sha512()));
                    }
                }
                request = new DistPublish.Request(request.devUrl(), request.rcFolder(), request.releaseUrl(),
                        releaseFolder, request.message(), passed, overrideVote, uploads, leave);
            }
            try (SvnCredentials c = common.credentials(p, err)) {
                DistPublish.Result result = publish.publish(request, c, printing(err));
                common.record().done(StepId.PUBLISH, new PublishOutputs(result.url(), result.revision(),
                        result.override(), result.files()));
                out.println("Published " + result.url() + " in r" + result.revision() + ".");
                out.println("Next: wait for the mirrors (about a day), then prune old releases (release-pilot dist"
                        + " prune) and announce.");
            } catch (ForbiddenException e) {
                err.println("Error: " + e.userText());
                err.println();
                err.println(e.request());
                common.record().failed(StepId.PUBLISH, e.getMessage());
                return ExitCodes.USAGE_OR_IO;
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "prune", mixinStandardHelpOptions = true, description = "Remove older releases from"
            + " <dist-release> (all but the newest of each line) and old RC folders from <dist-dev>, in one commit."
            + " Everything stays on archive.apache.org.")
    static final class Prune implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        /** Accepted after the command too, as every command does; this command keeps nothing in the home. */
        @picocli.CommandLine.Mixin
        HomeOption home;
        @Mixin
        Common common;
        @Option(names = "--dry-run", description = "Only show the proposal.")
        boolean dryRun;
        @Option(names = "--keep", arity = "1..*", paramLabel = "V", description = "Keep these versions or folders.")
        List<String> keep = new ArrayList<>();

        @Override
        public Integer call() throws ReleasePilotException {
            PrintWriter out = spec.commandLine().getOut();
            ReleaseProfile p = common.load().profile();
            Version current = names(p).version();
            DistPrune prune = new DistPrune(DistOptions.DEFAULT);
            DistPrune.Proposal proposal = prune.propose(common.release(p), common.dev(p), current, null, Progress.NONE)
                    .keeping(new HashSet<>(keep));
            for (DistPrune.Candidate c : proposal.candidates()) {
                out.println((c.remove() ? "  remove " : "  keep   ") + c.url() + "  (" + c.why() + ")");
            }
            if (proposal.removals().isEmpty()) {
                out.println("Nothing to remove.");
                return ExitCodes.OK;
            }
            if (dryRun) {
                out.println("Dry run: nothing was committed.");
                return ExitCodes.OK;
            }
            try (SvnCredentials c = common.credentials(p, spec.commandLine().getErr())) {
                DistPrune.Result result = prune.prune(proposal, "Remove old " + p.displayName() + " releases"
                        + " (archived on archive.apache.org)", c, Progress.NONE);
                common.record().done(StepId.PRUNE, new PruneOutputs(result.revision(), result.removed()));
                out.println("Removed " + result.removed().size() + " folders in r" + result.revision() + ".");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "fetch", mixinStandardHelpOptions = true, description = "Download a release candidate folder"
            + " from dist/dev (http, https or svn) into DIR, and KEYS from dist/release, then verify it."
            + " Exit: 0 every check passed, 1 a check failed, 2 usage or I/O error.")
    static final class Fetch implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        /** Accepted after the command too, as every command does; this command keeps nothing in the home. */
        @picocli.CommandLine.Mixin
        HomeOption home;
        @Parameters(index = "0", paramLabel = "URL", description = "The RC folder URL in dist/dev.")
        String url;
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "An empty or new folder.")
        Path outDir;
        @Option(names = "--keys", paramLabel = "FILE_OR_URL", description = "KEYS file or URL (default:"
                + " dist/release/<project>/KEYS next to the dist/dev URL; never the RC folder's own).")
        String keys;
        @Option(names = "--incubating", description = "The project is a podling: require DISCLAIMER and 'incubating'.")
        boolean incubating;

        @Override
        public Integer call() throws ReleasePilotException {
            PrintWriter out = spec.commandLine().getOut();
            DistFetch.Result r = fetchWithKeys(url, keys, outDir, printing(spec.commandLine().getErr()));
            out.println("Fetched " + r.files().size() + " files of " + r.url() + " (r" + r.revision() + ") into "
                    + r.folder() + "; KEYS into " + outDir.resolve("KEYS"));
            r.skipped().forEach(s -> out.println("  skipped " + s));
            out.println();
            io.releasepilot.verify.VerifyReport report = new io.releasepilot.verify.Verifier().verify(
                    new io.releasepilot.verify.VerifyRequest(r.folder(), java.util.Optional.of(outDir.resolve("KEYS")),
                            incubating), Progress.NONE);
            VerifyCommand.printText(out, report);
            return report.passed() ? ExitCodes.OK : ExitCodes.CHECKS_FAILED;
        }
    }

    /**
     * Fetches the RC into {@code outDir/<rc-folder>} and KEYS into {@code outDir/KEYS}: from {@code keysUrl}, else
     * from dist/release next to the dist/dev URL. Never from inside the RC folder.
     */
    static DistFetch.Result fetchWithKeys(String url, String keysUrl, Path outDir, Progress progress)
            throws ReleasePilotException {
        return new DistFetch(DistOptions.DEFAULT).fetchCandidate(url, keysUrl, outDir, progress).fetched();
    }
}
