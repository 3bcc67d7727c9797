package io.releasepilot.branch;

import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.git.GitRepository;
import io.releasepilot.release.BranchOutputs;
import io.releasepilot.release.RecordService;
import io.releasepilot.release.ReleaseNames;
import io.releasepilot.release.ReleaseProfile;
import io.releasepilot.release.StepId;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The branch step, for the window and the command line alike. A feature release ({@code x.y.0}) cuts its
 * release branch, named by the profile's branch pattern, from the main line; a patch release ({@code x.y.z})
 * is made on the branch that exists. {@link #plan} says what will happen (the dry run and the window's
 * preview), {@link #apply} does it and records the branch and its commit; the source step then tags the
 * branch's tip. Nothing is pushed unless the release manager asks ({@link #push}).
 */
public final class BranchService {

    /** What the step will do. */
    public enum Action {
        /** Create the branch at {@link Plan#fromCommit()}. */
        CREATE,
        /** The branch exists (a patch release, or cut earlier): record it as it is. */
        USE_EXISTING
    }

    /**
     * The plan for the release's branch: its name, whether the version is a feature release, the line it comes
     * from and that line's commit (for an existing branch: the branch and its tip), what will be done, and a
     * sentence saying so.
     */
    public record Plan(Path repository, String branch, boolean featureRelease, String from, String fromCommit,
                       Action action, String description) {
        public Plan {
            Objects.requireNonNull(branch, "branch");
            Objects.requireNonNull(action, "action");
        }
    }

    /**
     * What {@link #apply} would do for {@code profile}'s version. {@code from} is the main line to cut a feature
     * release's branch from (a branch, tag or commit); null or blank means the branch the repository's HEAD is on
     * (else main, else master).
     *
     * @throws ReleasePilotException when the profile names no repository; a patch release whose branch does not
     *                               exist; a feature release whose branch exists at another commit than the main
     *                               line (the fix says how to use it anyway)
     */
    public Plan plan(ReleaseProfile profile, String from) throws ReleasePilotException {
        if (profile.gitRepository().isBlank()) {
            throw new ReleasePilotException("The release profile names no git repository.",
                    "Set \"Git repository\" in the Release profile step (or profile init --repo DIR).");
        }
        ReleaseNames names = ReleaseNames.of(profile);
        String branch = names.branch();
        boolean feature = names.kind().needsNewBranch();
        Path repository = Path.of(profile.gitRepository());
        try (GitRepository repo = GitRepository.open(repository)) {
            Optional<String> existing = repo.branchCommit(branch);
            String wanted = from == null ? "" : from.strip();
            if (!feature || wanted.equals(branch)) {
                if (existing.isEmpty()) {
                    throw missing(repo, branch, names.version().toString(), feature);
                }
                return new Plan(repository, branch, feature, branch, existing.get(), Action.USE_EXISTING,
                        (feature ? "Use the existing branch " : "A patch release is made on its branch: use ")
                                + branch + " at " + shortId(existing.get()) + "; nothing is created.");
            }
            String line = wanted.isEmpty() ? mainLine(repo, branch) : wanted;
            String lineCommit = repo.resolve(line).commit();
            if (existing.isPresent()) {
                if (existing.get().equals(lineCommit) || names.version().isPreRelease()) {
                    return new Plan(repository, branch, true, line, existing.get(), Action.USE_EXISTING,
                            "The branch " + branch + " already exists at " + shortId(existing.get())
                                    + (existing.get().equals(lineCommit) ? ", where " + line + " is"
                                    : " (cut for an earlier pre-release of " + names.version().finalRelease() + ")")
                                    + ": it is used as it is; nothing is created.");
                }
                throw new ReleasePilotException("The branch " + branch + " already exists at "
                        + shortId(existing.get()) + ", but " + line + " is at " + shortId(lineCommit) + ".",
                        "If " + branch + " is this release's branch (cut earlier, with fixes picked onto it), use it"
                                + " as it is: release-pilot branch --dir RELEASE_DIR --from " + branch + ". If it was"
                                + " made by mistake, delete it (git branch -D " + branch + ") and run this again.");
            }
            return new Plan(repository, branch, true, line, lineCommit, Action.CREATE, "Cut the release branch "
                    + branch + " from " + line + " at " + shortId(lineCommit) + " (a feature release, "
                    + names.version() + "). Your working tree and current branch are not touched; nothing is pushed.");
        }
    }

    /** Creates the branch when the plan says so, and records the branch step with the branch and its commit. */
    public BranchOutputs apply(RecordService records, Plan plan) throws ReleasePilotException {
        try (GitRepository repo = GitRepository.open(plan.repository())) {
            if (plan.action() == Action.CREATE) {
                repo.createBranch(plan.branch(), plan.fromCommit());
            }
            String commit = repo.branchCommit(plan.branch()).orElse(plan.fromCommit());
            BranchOutputs out = new BranchOutputs(plan.branch(), commit, plan.from(), plan.action() == Action.CREATE);
            if (records != null) {
                records.done(StepId.BRANCH, out);
            }
            return out;
        }
    }

    /** The repository's remotes (origin, …): pushing is offered only when there is one. */
    public List<String> remotes(Path repository) throws ReleasePilotException {
        try (GitRepository repo = GitRepository.open(repository)) {
            return repo.remotes();
        }
    }

    /**
     * Pushes the release branch to {@code remote}. {@code password} is used for this push only and cleared by
     * the caller; it is never stored.
     */
    public void push(Path repository, String remote, String branch, String username, char[] password)
            throws ReleasePilotException {
        try (GitRepository repo = GitRepository.open(repository)) {
            repo.pushBranch(remote, branch, username, password);
        }
    }

    private static String mainLine(GitRepository repo, String releaseBranch) throws ReleasePilotException {
        Optional<String> head = repo.currentBranch().filter(b -> !b.equals(releaseBranch));
        if (head.isPresent()) {
            return head.get();
        }
        for (String candidate : List.of("main", "master")) {
            if (repo.branchCommit(candidate).isPresent()) {
                return candidate;
            }
        }
        throw new ReleasePilotException("Cannot tell which branch is the main line of " + repo.dir()
                + ": HEAD is on no branch and there is no main or master.",
                "Name it: release-pilot branch --dir RELEASE_DIR --from BRANCH (or a commit).");
    }

    private static ReleasePilotException missing(GitRepository repo, String branch, String version, boolean feature)
            throws ReleasePilotException {
        List<String> remote = repo.remoteBranches(branch);
        String fix = remote.isEmpty()
                ? "Fetch it (git fetch origin " + branch + ":" + branch + "), or check the branch pattern in the"
                + " release profile."
                : "It is on the remote as " + remote.get(0) + ": make a local branch of it (git -C " + repo.dir()
                + " branch " + branch + " " + remote.get(0) + "), then run this again.";
        return new ReleasePilotException("There is no branch " + branch + " in " + repo.dir() + (feature ? "."
                : "; the patch release " + version + " is made on it."), fix);
    }

    private static String shortId(String commit) {
        return commit.length() > 12 ? commit.substring(0, 12) : commit;
    }
}
