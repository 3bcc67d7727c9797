package io.releasepilot.cli;

import io.releasepilot.branch.BranchService;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.release.BranchOutputs;
import io.releasepilot.release.ReleaseProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code branch --dir D}: cuts (feature release) or finds (patch release) the release branch and records it. */
@Command(name = "branch", mixinStandardHelpOptions = true, description = {
        "The release branch. A feature release (x.y.0) cuts the branch the profile's branch pattern names (e.g. 2.4)"
                + " from the main line; a patch release (x.y.z) uses the branch that exists. The branch and its commit"
                + " are recorded, and source tag --dir then tags the branch's tip.",
        "Your working tree and current branch are not touched. Nothing is pushed unless you give --push."})
public final class BranchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    HomeOption home;
    @Option(names = "--dir", required = true, paramLabel = "RELEASE_DIR", description = "Release folder.")
    Path dir;
    @Option(names = "--from", paramLabel = "REF", description = "The main line to cut a feature release's branch"
            + " from: a branch, tag or commit (default: the branch the repository's HEAD is on, else main or master)."
            + " Give the release branch itself to use an existing branch as it is.")
    String from;
    @Option(names = "--dry-run", description = "Only say what would happen.")
    boolean dryRun;
    @Mixin
    GitPushOptions push;

    @Override
    public Integer call() throws ReleasePilotException {
        PrintWriter out = spec.commandLine().getOut();
        ReleaseDirOption release = new ReleaseDirOption();
        release.dir = dir;
        ReleaseProfile p = release.load().profile();
        BranchService service = new BranchService();
        BranchService.Plan plan = service.plan(p, from);
        out.println(plan.description());
        List<String> remotes = service.remotes(plan.repository());
        if (dryRun) {
            out.println("Dry run: nothing was created or recorded." + (push.asked() ? " The branch would be pushed to "
                    + push.shown() + "." : ""));
            return ExitCodes.OK;
        }
        BranchOutputs done = service.apply(release.records(), plan);
        out.println((done.created() ? "Created " : "Recorded ") + done.branch() + " at " + done.commitId()
                + ". Next: release-pilot source tag --dir " + dir + " (it tags the tip of " + done.branch() + ").");
        if (push.asked()) {
            push.push(plan.repository(), List.of(done.branch()), out, spec.commandLine().getErr(), ".");
        } else if (done.created() && !remotes.isEmpty()) {
            out.println("It is local only. When you are ready, push it: release-pilot branch --dir " + dir + " --from "
                    + done.branch() + " --push " + remotes.get(0) + "   (or: git push " + remotes.get(0) + " "
                    + done.branch() + ")");
        }
        return ExitCodes.OK;
    }
}
