package io.releasepilot.source;

import io.releasepilot.core.DataFileException;
import io.releasepilot.core.Passphrase;
import io.releasepilot.core.Progress;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.git.GitRepository;
import io.releasepilot.keys.KeyService;
import io.releasepilot.keys.Signer;
import io.releasepilot.keys.SigningChoice;
import io.releasepilot.release.ArtifactRecord;
import io.releasepilot.release.BranchOutputs;
import io.releasepilot.release.RecordFiles;
import io.releasepilot.release.RecordService;
import io.releasepilot.release.ReleaseNames;
import io.releasepilot.release.ReleaseProfile;
import io.releasepilot.release.ReleaseRecord;
import io.releasepilot.release.SourceOutputs;
import io.releasepilot.release.StepId;
import io.releasepilot.release.Workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The source step for the window and the command line alike: the RC tag (signed the way the release signs),
 * its push, the pre-flight checks, a preview of the archive, and the reproducible build that records the tag,
 * its commit and each archive's size and SHA-512.
 */
public final class SourceService {
    private final KeyService keys;
    private final Clock clock;

    public SourceService(KeyService keys) {
        this(keys, Clock.systemUTC());
    }

    public SourceService(KeyService keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** What the archive will hold: its file names, top folder, how many files and what is left out. */
    public record Preview(List<String> fileNames, String topFolder, int files, List<String> excluded) {
    }

    /** A finished build: the builder's result and each archive as recorded. */
    public record Built(SourceResult result, List<ArtifactRecord> artifacts) {
    }

    /** The options the release remembers, or the defaults. */
    public SourceOptions options(ReleaseRecord record) {
        SourceOptions saved = record.settings(StepId.SOURCE, SourceOptions.class);
        return saved == null ? SourceOptions.defaults() : saved;
    }

    public void saveOptions(RecordService records, SourceOptions options) throws DataFileException {
        records.saveSettings(StepId.SOURCE, options);
    }

    /** {@code <release>/artifacts/<version>-rcN}: where the current RC's archives go. */
    public static Path outputDir(Workspace ws, ReleaseProfile profile) throws ReleasePilotException {
        return ws.artifactsDir().resolve(ReleaseNames.of(profile).rcFolder());
    }

    /** The build request for the release's current RC from {@code tag}. */
    public SourceRequest request(Workspace ws, ReleaseProfile p, String tag, SourceOptions o)
            throws ReleasePilotException {
        if (p.gitRepository().isBlank()) {
            throw new ReleasePilotException("The release profile names no git repository.",
                    "Set \"Git repository\" in the Release profile step (or profile init --repo DIR).");
        }
        return request(Path.of(p.gitRepository()), tag, p.projectId(), p.version(), p.podling(), o, outputDir(ws, p));
    }

    /** A build request from explicit values; a wrong value is reported as the option to correct. */
    public SourceRequest request(Path repo, String tag, String project, String version, boolean podling,
                                 SourceOptions o, Path out) throws ReleasePilotException {
        try {
            return new SourceRequest(repo, tag, project, version, podling, o.rules(), o.submodules(), o.zip(), out);
        } catch (IllegalArgumentException e) {
            throw new ReleasePilotException(e.getMessage() + ".", "Correct it in the release profile (or the"
                    + " command's options) and try again.");
        }
    }

    /** The year the NOTICE file must name: this year, in UTC, as the pre-flight checks it. */
    public Year preflightYear() {
        return Year.now(clock.withZone(ZoneOffset.UTC));
    }

    public List<PreflightCheck> preflight(SourceRequest request, SourceOptions o) throws ReleasePilotException {
        return new Preflight(o.versionFile().isBlank() ? null : o.versionFile(), o.versionPattern(), preflightYear())
                .run(request);
    }

    public static boolean passed(List<PreflightCheck> checks) {
        return checks.stream().allMatch(c -> c.passed() || !c.blocking());
    }

    public Preview preview(SourceRequest request) throws ReleasePilotException {
        try (GitRepository repo = GitRepository.open(request.repository())) {
            SourceTree tree = SourceTree.collect(repo, repo.resolve(request.revision()).commit(), request.rules(),
                    request.submodules());
            List<String> names = new ArrayList<>(List.of(request.baseName() + ".tar.gz"));
            if (request.zip()) {
                names.add(request.baseName() + ".zip");
            }
            return new Preview(names, request.baseName(), tree.files().size(), tree.excluded());
        }
    }

    /**
     * Builds the archives; with {@code records} (a release folder) the source step is recorded with the tag, its
     * commit and each archive's size and SHA-512, which makes the steps after it stale if the bytes changed.
     */
    public Built build(SourceRequest request, RecordService records, Progress progress) throws ReleasePilotException {
        SourceResult result = new SourceArchiveBuilder().build(request, progress);
        List<ArtifactRecord> artifacts = new ArrayList<>();
        for (Path a : result.artifacts()) {
            progress.checkCancelled("Recording the archives");
            artifacts.add(describe(a));
        }
        if (records != null) {
            Path dir = records.workspace().dir();
            String folder = dir.relativize(request.outputDir().toAbsolutePath().normalize()).toString()
                    .replace('\\', '/');
            records.done(StepId.SOURCE, new SourceOutputs(request.revision(), result.commit(), folder, artifacts));
        }
        return new Built(result, artifacts);
    }

    /** The archives already in {@code dir} (size and SHA-512), for a step that shows what is there. */
    public List<ArtifactRecord> builtIn(Path dir) throws ReleasePilotException {
        List<ArtifactRecord> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(SourceService::isArchive).sorted().toList()) {
                out.add(describe(f));
            }
        } catch (IOException e) {
            throw new ReleasePilotException("Could not list " + dir + ": " + io.releasepilot.core.IoErrors.reason(e)
                    + ".", "Check that the folder exists and that you may read it.", e);
        }
        return out;
    }

    private static ArtifactRecord describe(Path f) throws ReleasePilotException {
        String sha = RecordFiles.sha512(f);
        try {
            if (sha == null) {
                throw new IOException("unreadable");
            }
            return new ArtifactRecord(f.getFileName().toString(), Files.size(f), sha);
        } catch (IOException e) {
            throw new ReleasePilotException("Could not read " + f + ": " + io.releasepilot.core.IoErrors.reason(e)
                    + ".", "Check that you may read the file, then build again.", e);
        }
    }

    static boolean isArchive(Path f) {
        String n = f.getFileName().toString();
        return (n.endsWith(".tar.gz") || n.endsWith(".zip")) && !n.startsWith(".") && Files.isRegularFile(f);
    }

    /** The annotated tag's message: "Release candidate v2.4.0-rc1". */
    public static String tagMessage(String tag) {
        return "Release candidate " + tag;
    }

    public List<String> tags(Path repository) throws ReleasePilotException {
        try (GitRepository repo = GitRepository.open(repository)) {
            return repo.tags();
        }
    }

    /**
     * The commit the RC tag goes on unless the release manager names one: the tip of the release branch when the
     * branch step recorded one ({@code refs/heads/<branch>}), else {@code HEAD}.
     */
    private static final String BRANCH_REF = "refs/heads/";

    public static String defaultTagCommit(ReleaseRecord record) {
        BranchOutputs branch = record.step(StepId.BRANCH).status().usable()
                ? record.outputs(StepId.BRANCH, BranchOutputs.class) : null;
        return branch == null ? "HEAD" : BRANCH_REF + branch.branch();
    }

    /**
     * Creates the annotated RC tag on {@code commit} (a revision, e.g. HEAD), signed with {@code signing} when
     * given — through the built-in keyring or GnuPG, as the release signs. Returns the commit id it names.
     */
    public String createTag(Path repository, String name, String commit, String message, String taggerName,
                            String taggerEmail, Optional<SigningChoice> signing, Supplier<Passphrase> passphrases)
            throws ReleasePilotException {
        Optional<Signer> signer = Optional.empty();
        if (signing.isPresent()) {
            signer = Optional.of(keys.signer(signing.get(), passphrases));
        }
        try (GitRepository repo = GitRepository.open(repository)) {
            String revision = commit == null || commit.isBlank() ? "HEAD" : commit.strip();
            String branch = revision.startsWith(BRANCH_REF) ? revision.substring(BRANCH_REF.length()) : null;
            if (branch != null && repo.branchCommit(branch).isEmpty()) {
                throw new ReleasePilotException("The release branch " + branch + " that the branch step recorded is"
                        + " not in " + repository + "; the tag " + name + " was not created.", "Run the branch step"
                        + " again (release-pilot branch --dir RELEASE_DIR), or name the commit to tag (--commit C).");
            }
            String target = repo.resolve(revision).commit();
            repo.createTag(name, target, message == null || message.isBlank() ? tagMessage(name) : message,
                    taggerName, taggerEmail, signer);
            return target;
        }
    }

    public void pushTag(Path repository, String remote, String tag, String username, char[] password)
            throws ReleasePilotException {
        try (GitRepository repo = GitRepository.open(repository)) {
            repo.pushTag(remote, tag, username, password);
        }
    }
}
