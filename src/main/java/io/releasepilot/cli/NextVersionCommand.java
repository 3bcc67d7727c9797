package io.releasepilot.cli;

import io.releasepilot.branch.BranchService;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.nextversion.NextVersionService;
import io.releasepilot.release.NextVersionOutputs;
import io.releasepilot.release.BranchOutputs;
import io.releasepilot.release.ReleaseProfile;
import io.releasepilot.release.ReleaseRecord;
import io.releasepilot.release.StepId;
import io.releasepilot.source.SourceService;
import io.releasepilot.keys.KeyService;
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

/** {@code next-version --dir D}: moves the release branch (and after x.y.0 the main line) to the next version. */
@Command(name = "next-version", mixinStandardHelpOptions = true, description = "After the release: move the release"
        + " branch to the next patch (and, after an x.y.0 release, the main line to x.(y+1).0a1) in the files where"
        + " the project keeps its version. Shows the diff, then commits each on a new branch for you to push or open"
        + " as a pull request; your working tree is not touched. A released version number is never reused. Once"
        + " the step is recorded, --push alone pushes the branches it made.")
public final class NextVersionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    HomeOption home;
    @Option(names = "--dir", required = true, paramLabel = "RELEASE_DIR", description = "Release folder.")
    Path dir;
    @Option(names = "--version-file", paramLabel = "PATH", description = "Also a file of your own that holds the"
            + " version, relative to the repository (e.g. include/ap_release.h for httpd).")
    String versionFile;
    @Option(names = "--main-branch", paramLabel = "NAME", description = "The main line's branch (default: the one"
            + " the branch step cut the release branch from, else main; master if there is no main).")
    String mainBranch;
    @Option(names = "--dry-run", description = "Only show what would change.")
    boolean dryRun;
    @Option(names = "--force", description = "Move to the next version before the vote has passed (for projects"
            + " that move their lines earlier, e.g. right after the branch cut).")
    boolean force;
    @Mixin
    GitPushOptions push;

    @Override
    public Integer call() throws ReleasePilotException {
        PrintWriter out = spec.commandLine().getOut();
        ReleaseDirOption release = new ReleaseDirOption();
        release.dir = dir;
        ReleaseRecord record = release.load();
        ReleaseProfile p = record.profile();
        if (push.asked() && !dryRun && record.step(StepId.NEXT_VERSION).status().usable()) {
            // the lines were moved already: push the branches that were made, nothing is committed again
            push(out, Path.of(p.gitRepository()), record.outputs(StepId.NEXT_VERSION, NextVersionOutputs.class));
            return ExitCodes.OK;
        }
        NextVersionService.Readiness ready = NextVersionService.readiness(record, dir);
        if (!ready.allowed() && !force && !dryRun) {
            throw new ReleasePilotException(ready.message(), ready.fix());
        }
        if (ready.message() != null) {
            spec.commandLine().getErr().println((ready.allowed() ? "Note: " : "Warning: ") + ready.message());
        }
        Path repo = Path.of(p.gitRepository());
        NextVersionService service = new NextVersionService();
        List<String> tags = new SourceService(new KeyService(home.resolve())).tags(repo);
        List<String> branches = service.branches(repo);
        BranchOutputs cut = record.step(StepId.BRANCH).status().usable()
                ? record.outputs(StepId.BRANCH, BranchOutputs.class) : null;
        String wanted = mainBranch != null ? mainBranch : cut != null && cut.created() && branches.contains(cut.from())
                ? cut.from() : "main";
        String main = branches.contains(wanted) ? wanted : branches.contains("master") ? "master" : wanted;
        List<NextVersionService.Plan> plans = new ArrayList<>();
        for (NextVersionService.Target t : service.targets(p, tags, branches, main)) {
            NextVersionService.Plan plan = service.plan(repo, t, Optional.ofNullable(versionFile));
            plans.add(plan);
            out.println(t.line() + ": " + t.from() + " \u2192 " + t.to() + " (new branch " + t.branch() + " from "
                    + t.startPoint() + ")");
            if (plan.changes().isEmpty()) {
                out.println("  No version file holds " + t.from() + " there (looked at: " + (plan.checked().isEmpty()
                        ? "none found" : String.join(", ", plan.checked())) + "). Name yours with --version-file.");
            } else {
                out.print(plan.diff());
            }
        }
        if (dryRun) {
            out.println("Dry run: nothing was committed.");
            return ExitCodes.OK;
        }
        NextVersionOutputs done = service.commit(release.records(), repo, plans, p.rmName(), p.rmEmail());
        for (NextVersionOutputs.Bump b : done.bumps()) {
            out.println("Committed " + b.commitId() + " on " + b.branch() + " (for a pull request to " + b.line()
                    + ").");
        }
        if (done.bumps().isEmpty()) {
            return ExitCodes.CHECKS_FAILED;
        }
        if (push.asked()) {
            push(out, repo, done);
        } else {
            List<String> remotes = new BranchService().remotes(repo);
            if (!remotes.isEmpty()) {
                out.println("They are local only. When you are ready, push them: release-pilot next-version --dir "
                        + dir + " --push " + remotes.get(0) + "   (or: git push " + remotes.get(0) + " "
                        + String.join(" ", done.bumps().stream().map(NextVersionOutputs.Bump::branch).toList())
                        + "); then open the pull requests.");
            }
        }
        return ExitCodes.OK;
    }

    private void push(PrintWriter out, Path repo, NextVersionOutputs done) throws ReleasePilotException {
        for (NextVersionOutputs.Bump b : done.bumps()) {
            push.push(repo, List.of(b.branch()), out, spec.commandLine().getErr(),
                    ": open a pull request from it to " + b.line() + ".");
        }
    }
}
