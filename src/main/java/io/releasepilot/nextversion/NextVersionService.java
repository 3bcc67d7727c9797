package io.releasepilot.nextversion;

import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.git.GitRepository;
import io.releasepilot.release.NextVersionOutputs;
import io.releasepilot.release.RecordService;
import io.releasepilot.release.ReleaseNames;
import io.releasepilot.release.ReleaseProfile;
import io.releasepilot.release.ReleaseRecord;
import io.releasepilot.release.StepState;
import io.releasepilot.release.TallyOutputs;
import io.releasepilot.release.StepId;
import io.releasepilot.version.NamePattern;
import io.releasepilot.version.Version;
import io.releasepilot.version.VersionPlanner;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The next-version step: after {@code x.y.0} the release branch moves to {@code x.y.1} and the main line to
 * {@code x.(y+1).0a1}; after a patch release the branch moves to the next patch. A number whose release tag
 * exists is never reused. The change is found in the files where the project keeps its version, shown as a
 * diff, and committed on a new branch (the working tree is not touched) for the release manager to push or
 * open as a pull request.
 */
public final class NextVersionService {

    /** One line to move: which, from where, from which version to which, and the branch that will hold it. */
    public record Target(String line, String startPoint, Version from, Version to, String branch) {
    }

    /** What would change for a target, and which version files were looked at without finding the version. */
    public record Plan(Target target, List<VersionFiles.Change> changes, List<String> checked) {
        public Plan {
            changes = List.copyOf(changes);
            checked = List.copyOf(checked);
        }

        public String diff() {
            StringBuilder sb = new StringBuilder();
            changes.forEach(c -> sb.append(VersionFiles.diff(c)));
            return sb.toString();
        }
    }

    /**
     * Whether the release is far enough to move to the next version: {@code allowed} once the vote passed (for a
     * podling: the Incubator vote too) or the release was published; {@code message} says what is not done yet
     * (null when nothing is missing).
     */
    public record Readiness(boolean allowed, String message, String fix) {
    }

    /**
     * Before the vote passed, the next version is refused: if the vote fails, the next RC keeps this version, and
     * the branch would already name the one after it. Once it passed, moving on is fine even before publishing
     * (the number is final); a note says publishing is still to do.
     */
    public static Readiness readiness(ReleaseRecord record, Path dir) {
        if (record.step(StepId.PUBLISH).status().usable()) {
            return new Readiness(true, null, null);
        }
        boolean podling = record.profile().podling();
        StepId decisive = podling ? StepId.IPMC_TALLY : StepId.TALLY;
        TallyOutputs tally = record.step(decisive).status() == StepState.DONE
                ? record.outputs(decisive, TallyOutputs.class) : null;
        String status = "release-pilot status --dir " + dir;
        if (tally != null && tally.passed()) {
            return new Readiness(true, "The vote passed; publishing is still to do (release-pilot dist publish --dir "
                    + dir + "). The version number is final, so the next version may go now.", null);
        }
        String where = tally != null ? "did not pass (" + tally.reason() + ")"
                : record.step(decisive).status() == StepState.WAITING ? "is still open (until "
                + io.releasepilot.release.RecordEvaluator.time(record.step(decisive).until()) + ")"
                : "has not been counted yet";
        return new Readiness(false, "The " + (podling ? "Incubator " : "") + "vote on " + record.profile().version()
                + " RC " + record.currentRc() + " " + where + ". If it fails, the next RC keeps "
                + record.profile().version() + ", and the branch would already name the version after it.",
                "Move to the next version once the vote passed (" + status + " says where it stands); give --force if"
                        + " your project moves its lines earlier (e.g. right after the branch cut).");
    }

    /**
     * The lines to move after releasing {@code profile}'s version: the release branch, and for a feature release
     * also the main line ({@code mainBranch}, e.g. main or master).
     */
    public List<Target> targets(ReleaseProfile profile, List<String> tags, List<String> branches, String mainBranch)
            throws ReleasePilotException {
        ReleaseNames names = ReleaseNames.of(profile);
        Version released = names.version().finalRelease();
        VersionPlanner planner = new VersionPlanner(NamePattern.parse(profile.releaseTagPattern()),
                NamePattern.parse(profile.rcTagPattern()));
        String start = tags.contains(names.releaseTag()) ? names.releaseTag()
                : tags.contains(names.rcTag()) ? names.rcTag() : null;
        if (start == null) {
            throw new ReleasePilotException("Neither the release tag " + names.releaseTag() + " nor the RC tag "
                    + names.rcTag() + " is in the repository.", "Tag the release first (or fetch the tags: git fetch"
                    + " --tags), then move to the next version.");
        }
        List<Target> targets = new ArrayList<>();
        Version nextPatch = planner.firstFree(released.nextPatch(), tags);
        String branchStart = branches.contains(names.branch()) ? names.branch() : start;
        targets.add(new Target(names.branch(), branchStart, released, nextPatch, "next-version-" + nextPatch));
        Optional<Version> mainLine = released.nextMainLine();
        if (mainLine.isPresent() && mainBranch != null && branches.contains(mainBranch)) {
            targets.add(new Target(mainBranch, mainBranch, released, mainLine.get(), "next-version-" + mainLine.get()));
        }
        return targets;
    }

    public List<String> branches(Path repository) throws ReleasePilotException {
        try (GitRepository repo = GitRepository.open(repository)) {
            return repo.branches();
        }
    }

    /** The changes for {@code target}: every known version file (and {@code namedFile}) that holds the version. */
    public Plan plan(Path repository, Target target, Optional<String> namedFile) throws ReleasePilotException {
        try (GitRepository repo = GitRepository.open(repository)) {
            Map<String, byte[]> files = repo.files(target.startPoint(),
                    p -> VersionFiles.isCandidate(p) || namedFile.filter(p::equals).isPresent(), VersionFiles.MAX_BYTES);
            List<VersionFiles.Change> changes = new ArrayList<>();
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                boolean named = namedFile.filter(f.getKey()::equals).isPresent();
                VersionFiles.bump(f.getKey(), f.getValue(), target.from(), target.to(), named).ifPresent(changes::add);
            }
            if (namedFile.isPresent() && !files.containsKey(namedFile.get())) {
                throw new ReleasePilotException("There is no file " + namedFile.get() + " in " + target.startPoint()
                        + ".", "Give the path of the version file relative to the repository's top folder, e.g."
                        + " include/ap_release.h.");
            }
            return new Plan(target, changes, new ArrayList<>(files.keySet()));
        }
    }

    /**
     * Commits each plan on its new branch and records the next-version step. Plans without changes are
     * skipped (the line already moved, or no version file was found: the caller says so).
     */
    public NextVersionOutputs commit(RecordService records, Path repository, List<Plan> plans, String name,
                                     String email) throws ReleasePilotException {
        List<NextVersionOutputs.Bump> bumps = new ArrayList<>();
        try (GitRepository repo = GitRepository.open(repository)) {
            for (Plan plan : plans) {
                if (plan.changes().isEmpty()) {
                    continue;
                }
                Map<String, byte[]> content = new LinkedHashMap<>();
                plan.changes().forEach(c -> content.put(c.path(), c.after().getBytes(StandardCharsets.UTF_8)));
                Target t = plan.target();
                String commit = repo.commitOnNewBranch(t.branch(), t.startPoint(), content, "Move " + t.line()
                        + " to " + t.to() + " after the " + t.from() + " release", name, email);
                bumps.add(new NextVersionOutputs.Bump(t.line(), t.to().toString(), t.branch(), commit,
                        new ArrayList<>(content.keySet())));
            }
        }
        NextVersionOutputs outputs = new NextVersionOutputs(bumps);
        if (records != null && !bumps.isEmpty()) {
            records.done(StepId.NEXT_VERSION, outputs);
        }
        return outputs;
    }
}
