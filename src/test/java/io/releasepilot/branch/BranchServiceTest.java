package io.releasepilot.branch;

import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.release.BranchOutputs;
import io.releasepilot.release.RecordService;
import io.releasepilot.release.ReleaseProfile;
import io.releasepilot.release.ReleaseStore;
import io.releasepilot.release.StepId;
import io.releasepilot.release.StepState;
import io.releasepilot.source.SourceService;
import io.releasepilot.testing.GitFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The release branch on a real repository: a feature release cuts {@code x.y} from the main line, a patch
 * release uses the branch that exists, and nothing moves or is pushed behind the release manager's back.
 */
class BranchServiceTest {
    @TempDir
    Path tmp;
    private final BranchService service = new BranchService();
    private GitFixture repo;
    private String first;

    @BeforeEach
    void repository() throws Exception {
        repo = new GitFixture(tmp.resolve("kvrocks"));
        repo.write("README.md", "Kvrocks\n");
        first = repo.commit("First");
    }

    private ReleaseProfile profile(String version) {
        return ReleaseProfile.withDefaults("kvrocks", false, version).withReleaseManager("Jane Doe", "jdoe",
                "jdoe@apache.org").withGitRepository(repo.dir().toString());
    }

    private RecordService records(String version) throws Exception {
        return new RecordService(new ReleaseStore().create(tmp.resolve("release-" + version), profile(version)));
    }

    @Test
    void aFeatureReleaseCutsItsBranchFromTheBranchHeadIsOnWithoutTouchingTheWorkingTree() throws Exception {
        repo.write("src/new.cc", "int x;\n");
        String head = repo.commit("Second");
        RecordService records = records("2.4.0");

        BranchService.Plan plan = service.plan(profile("2.4.0"), null);
        assertThat(plan.action()).isEqualTo(BranchService.Action.CREATE);
        assertThat(plan.description()).isEqualTo("Cut the release branch 2.4 from main at " + head.substring(0, 12)
                + " (a feature release, 2.4.0). Your working tree and current branch are not touched; nothing is"
                + " pushed.");
        assertThat(repo.git("branch", "--list", "2.4")).isEmpty();

        BranchOutputs out = service.apply(records, plan);
        assertThat(out).isEqualTo(new BranchOutputs("2.4", head, "main", true));
        assertThat(repo.git("rev-parse", "refs/heads/2.4")).isEqualTo(head);
        assertThat(repo.git("symbolic-ref", "--short", "HEAD")).isEqualTo("main");
        assertThat(repo.git("status", "--porcelain")).isEmpty();
        assertThat(records.load().step(StepId.BRANCH).status()).isEqualTo(StepState.DONE);
        assertThat(records.load().outputs(StepId.BRANCH, BranchOutputs.class)).isEqualTo(out);
        // The source step now tags the branch's tip.
        assertThat(SourceService.defaultTagCommit(records.load())).isEqualTo("refs/heads/2.4");
    }

    @Test
    void aFeatureReleaseMayBeCutFromAnOlderCommitOfTheMainLine() throws Exception {
        repo.write("src/late.cc", "int late;\n");
        repo.commit("Too late for 2.4");

        BranchService.Plan plan = service.plan(profile("2.4.0"), first);
        assertThat(plan.from()).isEqualTo(first);
        service.apply(null, plan);
        assertThat(repo.git("rev-parse", "refs/heads/2.4")).isEqualTo(first);
    }

    @Test
    void aBranchThatExistsAtAnotherCommitIsRefusedWithTheWayToUseIt() throws Exception {
        repo.git("branch", "2.4");
        repo.write("src/next.cc", "int next;\n");
        String head = repo.commit("Main moves on");

        assertThatThrownBy(() -> service.plan(profile("2.4.0"), null))
                .isInstanceOf(ReleasePilotException.class)
                .hasMessage("The branch 2.4 already exists at " + first.substring(0, 12) + ", but main is at "
                        + head.substring(0, 12) + ".")
                .satisfies(e -> assertThat(((ReleasePilotException) e).fix()).startsWith("If 2.4 is this release's"
                        + " branch (cut earlier, with fixes picked onto it), use it as it is: release-pilot branch --dir"
                        + " RELEASE_DIR --from 2.4."));

        BranchService.Plan use = service.plan(profile("2.4.0"), "2.4");
        assertThat(use.action()).isEqualTo(BranchService.Action.USE_EXISTING);
        assertThat(service.apply(null, use)).isEqualTo(new BranchOutputs("2.4", first, "2.4", false));
        assertThat(repo.git("rev-parse", "refs/heads/2.4")).isEqualTo(first);
    }

    @Test
    void aLaterPreReleaseUsesTheBranchCutForAnEarlierOne() throws Exception {
        repo.git("branch", "2.1");
        repo.write("src/next.cc", "int next;\n").commit("Main moves on");
        BranchService.Plan plan = service.plan(profile("2.1.0b1"), null);
        assertThat(plan.action()).isEqualTo(BranchService.Action.USE_EXISTING);
        assertThat(plan.description()).isEqualTo("The branch 2.1 already exists at " + first.substring(0, 12)
                + " (cut for an earlier pre-release of 2.1.0): it is used as it is; nothing is created.");
    }

    @Test
    void aPatchReleaseIsMadeOnTheBranchThatExists() throws Exception {
        repo.git("branch", "2.4");
        repo.write("src/next.cc", "int next;\n").commit("Main moves on");

        BranchService.Plan plan = service.plan(profile("2.4.1"), null);
        assertThat(plan.action()).isEqualTo(BranchService.Action.USE_EXISTING);
        assertThat(plan.description()).isEqualTo("A patch release is made on its branch: use 2.4 at "
                + first.substring(0, 12) + "; nothing is created.");
        assertThat(service.apply(null, plan)).isEqualTo(new BranchOutputs("2.4", first, "2.4", false));
    }

    @Test
    void aPatchReleaseWithoutItsBranchSaysWhereTheRemoteHasIt() throws Exception {
        assertThatThrownBy(() -> service.plan(profile("2.4.1"), null))
                .hasMessage("There is no branch 2.4 in " + repo.dir() + "; the patch release 2.4.1 is made on it.")
                .satisfies(e -> assertThat(((ReleasePilotException) e).fix()).isEqualTo("Fetch it (git fetch origin"
                        + " 2.4:2.4), or check the branch pattern in the release profile."));

        repo.git("update-ref", "refs/remotes/origin/2.4", first);
        assertThatThrownBy(() -> service.plan(profile("2.4.1"), null))
                .satisfies(e -> assertThat(((ReleasePilotException) e).fix()).isEqualTo("It is on the remote as"
                        + " origin/2.4: make a local branch of it (git -C " + repo.dir() + " branch 2.4 origin/2.4),"
                        + " then run this again."));
    }

    @Test
    void theBranchIsPushedOnlyWhenAskedAndAMovedRemoteBranchIsNotForced() throws Exception {
        GitFixture remote = new GitFixture(tmp.resolve("remote.git"));
        remote.git("config", "receive.denyCurrentBranch", "ignore");
        repo.git("remote", "add", "origin", remote.dir().toString());
        assertThat(service.remotes(repo.dir())).containsExactly("origin");

        service.apply(null, service.plan(profile("2.4.0"), null));
        assertThat(remote.git("branch", "--list", "2.4")).isEmpty();

        service.push(repo.dir(), "origin", "2.4", null, null);
        assertThat(remote.git("rev-parse", "refs/heads/2.4")).isEqualTo(first);

        repo.git("update-ref", "refs/heads/2.4", repo.git("commit-tree", "-m", "other", "-p", first,
                first + "^{tree}"));
        remote.git("update-ref", "refs/heads/2.4", remote.git("commit-tree", "-m", "theirs", first + "^{tree}"));
        assertThatThrownBy(() -> service.push(repo.dir(), "origin", "2.4", null, null))
                .hasMessageStartingWith("The remote refused the branch 2.4: REJECTED_NONFASTFORWARD");
    }
}
