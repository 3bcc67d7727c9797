package io.releasepilot.rehearsal;

import io.releasepilot.cli.CliRun;
import io.releasepilot.release.NextVersionOutputs;
import io.releasepilot.release.StepId;
import io.releasepilot.release.StepState;
import io.releasepilot.testing.GitFixture;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Backend.AI rules: a feature release cuts its {@code x.y} branch from the main line, pre-releases
 * ({@code 2.4.0b1}) come before the release, and after {@code x.y.0} the branch moves to the next patch and
 * the main line to {@code x.(y+1).0a1}. The version lives in a {@code VERSION} file.
 */
class BackendAiRehearsalTest {
    static final String LIST = "dev@backendai.apache.org";
    @TempDir
    Path tmp;
    Rehearsal r;

    @AfterEach
    void stop() {
        if (r != null) {
            r.close();
        }
    }

    @Test
    void preReleaseCutsTheBranchAndTheReleaseMovesBranchAndMainLine() throws Exception {
        r = new Rehearsal(tmp, false, "backendai", "backendai");
        r.mailingList(LIST, "dev-backendai");
        GitFixture repo = r.repository("Backend.AI", "VERSION", "2.4.0b1\n", ".rat-excludes", "VERSION\n");
        String mainAtCut = repo.git("rev-parse", "HEAD");
        Path roster = r.roster("pat@apache.org", "quinn@apache.org", "sam@apache.org");
        String[] patterns = {"--repo", repo.dir().toString(), "--display-name", "Backend.AI",
                "--rc-tag-pattern", "{version}-rc{rc}", "--release-tag-pattern", "{version}", "--branch-pattern", "x.y"};

        // Every pre-release marker Backend.AI uses (aN, bN, rcN) names a feature release of the 2.4 line: branch 2.4,
        // the version as it is in the archive and the release tag, the main line then at 2.5.0a1.
        for (String v : new String[] {"2.4.0a1", "2.4.0b1", "2.4.0rc1"}) {
            List<String> init = new java.util.ArrayList<>(List.of("profile", "init", "--dir",
                    tmp.resolve("names-" + v).toString(), "--project", "backendai", "--version", v, "--name",
                    "Jane Doe", "--apache-id", "jdoe", "--email", "jdoe@apache.org"));
            init.addAll(List.of(patterns));
            CliRun names = r.rp(init.toArray(String[]::new));
            assertThat(names.out()).contains("apache-backendai-" + v + "-src.tar.gz", "cut branch 2.4 first",
                    "Release tag        " + v + "\n", "Main line after    2.5.0a1");
        }

        // The beta: the feature release's branch 2.4 is cut for it from main.
        Path beta = r.dir;
        r.init("2.4.0b1", patterns);
        r.rp("keys", "generate", "--dir", beta.toString(), "--passphrase-file", r.passphraseFile.toString(),
                "--bits", "2048");
        String fpr = r.record().profile().signingKeyFingerprint();
        r.dist("keys");
        CliRun branch = r.rp("branch", "--dir", beta.toString());
        assertThat(branch.out()).contains("2.4");
        assertThat(repo.git("rev-parse", "2.4")).isEqualTo(mainAtCut);
        assertThat(r.state(StepId.BRANCH)).isEqualTo(StepState.DONE);
        // Work goes on on main while the beta is voted on.
        repo.write("src/next.c", io.releasepilot.testing.Archives.HEADER + "int next;\n").commit("Start 2.5 work");
        r.rp("notes", "--dir", beta.toString());
        r.candidate();
        assertThat(repo.git("rev-parse", "2.4.0b1-rc1^{commit}")).as("the RC tag is on the branch, not main")
                .isEqualTo(mainAtCut);
        release(LIST, roster, "2.4.0b1");
        assertThat(r.server.tree("release/backendai")).contains("2.4.0b1/apache-backendai-2.4.0b1-src.tar.gz\n");

        // The developers make main say 2.4.0 (a reviewed change) and pick it onto the branch.
        repo.write("VERSION", "2.4.0\n").commit("Version 2.4.0");
        String onMain = repo.git("rev-parse", "HEAD");
        repo.git("checkout", "-q", "2.4");
        repo.git("cherry-pick", onMain);
        String branchTip = repo.git("rev-parse", "HEAD");
        repo.git("checkout", "-q", "main");
        r.dir = tmp.resolve("release-2.4.0");
        r.init("2.4.0", patterns);
        r.rp("keys", "use", "--dir", r.dir.toString(), "--key", fpr);
        r.dist("keys");
        // The branch has moved on from main since the cut: the step says to use it as it is, which the RM does.
        CliRun refused = r.run("branch", "--dir", r.dir.toString());
        assertThat(refused.err()).contains("release-pilot branch --dir RELEASE_DIR --from 2.4");
        assertThat(r.rp("branch", "--dir", r.dir.toString(), "--from", "2.4").out()).contains("2.4",
                "nothing is created");
        assertThat(r.state(StepId.BRANCH)).isEqualTo(StepState.DONE);
        r.rp("notes", "--dir", r.dir.toString());
        r.candidate();
        assertThat(repo.git("rev-parse", "2.4.0-rc1^{commit}")).isEqualTo(branchTip);
        release(LIST, roster, "2.4.0");
        assertThat(r.server.tree("release/backendai")).contains("2.4.0/apache-backendai-2.4.0-src.tar.gz\n");

        CliRun next = r.rp("next-version", "--dir", r.dir.toString());
        assertThat(next.out()).contains("2.4.0 \u2192 2.4.1", "2.4.0 \u2192 2.5.0a1");
        List<NextVersionOutputs.Bump> bumps = r.record().outputs(StepId.NEXT_VERSION, NextVersionOutputs.class)
                .bumps();
        assertThat(bumps).extracting(NextVersionOutputs.Bump::line, NextVersionOutputs.Bump::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2.4", "2.4.1"),
                        org.assertj.core.groups.Tuple.tuple("main", "2.5.0a1"));
        assertThat(repo.git("show", bumps.get(0).branch() + ":VERSION")).isEqualTo("2.4.1");
        assertThat(repo.git("show", bumps.get(1).branch() + ":VERSION")).isEqualTo("2.5.0a1");
        assertThat(repo.git("show", bumps.get(1).branch() + ":src/next.c")).as("main's own work is kept")
                .contains("int next;");
        assertThat(repo.git("rev-parse", "--abbrev-ref", "HEAD")).as("the working tree is not touched")
                .isEqualTo("main");
        r.assertNoShellCommandWasNeeded();
    }

    /** Vote mail, three binding +1, the tally after 72 hours, the result and the move to dist/release. */
    private void release(String list, Path roster, String version) throws Exception {
        r.sendMail("vote");
        MimeMessage vote = r.receivedWithSubject("[VOTE] Release Backend.AI " + version + "-rc1");
        for (String who : new String[] {"pat", "quinn", "sam"}) {
            r.reply(vote, list, who, who + "@apache.org", "+1 (binding)");
        }
        CliRun tally = r.tally("dev-backendai", roster, 73);
        assertThat(tally.exitCode()).as(tally.out() + tally.err()).isZero();
        r.sendMail("result", "--set", "voteThread=https://lists.apache.org/thread/backendai-" + version);
        r.dist("publish");
    }
}
