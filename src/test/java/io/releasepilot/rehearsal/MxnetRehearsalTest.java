package io.releasepilot.rehearsal;

import io.releasepilot.cli.CliRun;
import io.releasepilot.release.StepId;
import io.releasepilot.release.StepState;
import io.releasepilot.release.TallyOutputs;
import io.releasepilot.testing.GitFixture;
import io.releasepilot.testing.Gpg;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MXNet guide, a podling: {@code -incubating} names and a DISCLAIMER, MXNet's RC-named archive
 * ({@code apache-mxnet-src-1.9.1.rc1-incubating.tar.gz}), the dev@ vote and then the IPMC vote on
 * general@incubator, the move to dist/release with the archive renamed and signed again, and the older
 * release and candidate pruned.
 */
class MxnetRehearsalTest {
    static final String DEV = "dev@mxnet.apache.org";
    static final String GENERAL = "general@incubator.apache.org";
    static final String RC_NAME = "apache-mxnet-src-1.9.1.rc1-incubating.tar.gz";
    static final String RELEASE_NAME = "apache-mxnet-src-1.9.1-incubating.tar.gz";
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
    void podlingReleaseWithRcNamedArchiveGoesThroughBothVotesAndIsRenamedOnPublish() throws Exception {
        r = new Rehearsal(tmp, false, "mxnet", "incubator/mxnet");
        r.mailingList(DEV, "dev-mxnet");
        r.mailingList(GENERAL, "general-incubator");
        // What the previous release left on dist: 1.9.0 in release/, one of its candidates in dev/.
        r.server.mkdir("release/incubator/mxnet/1.9.0-incubating");
        r.server.mkdir("dev/incubator/mxnet/1.9.0-incubating-rc2");
        GitFixture repo = r.repository("Apache MXNet (incubating)", "DISCLAIMER",
                "Apache MXNet is an effort undergoing incubation at The Apache Software Foundation (ASF).\n");
        String d = r.dir.toString();
        r.init("1.9.1", "--podling", "--repo", repo.dir().toString(), "--display-name", "Apache MXNet (incubating)",
                "--rc-tag-pattern", "{version}.rc{rc}", "--release-tag-pattern", "{version}");
        r.rp("keys", "generate", "--dir", d, "--passphrase-file", r.passphraseFile.toString(), "--bits", "2048");
        r.dist("keys");
        r.rp("notes", "--dir", d);
        r.candidate("--name-pattern", "apache-{project}-src-{version}.rc{rc}{incubating}");
        assertThat(repo.git("tag", "-l")).isEqualTo("1.9.1.rc1");
        assertThat(r.server.tree("dev/incubator/mxnet/1.9.1-incubating-rc1")).contains(RC_NAME + "\n",
                RC_NAME + ".asc\n", RC_NAME + ".sha512\n");

        r.sendMail("vote");
        MimeMessage devVote = r.receivedOn(DEV, "[VOTE] Release Apache MXNet (incubating)");
        assertThat(Rehearsal.body(devVote)).contains(RC_NAME, "incubation", "1.9.1.rc1");
        Path ppmc = r.roster("pat@apache.org", "quinn@apache.org", "sam@apache.org", "justin@apache.org");
        for (String who : new String[] {"pat", "quinn", "sam"}) {
            r.reply(devVote, DEV, who, who + "@apache.org", "+1 (binding)");
        }
        r.reply(devVote, DEV, "Justin Mentor", "justin@apache.org", "+1 (binding), checked DISCLAIMER");
        CliRun devTally = r.tally("dev-mxnet", ppmc, 73);
        assertThat(devTally.exitCode()).as(devTally.out() + devTally.err()).isZero();
        r.sendMail("result", "--set", "voteThread=https://lists.apache.org/thread/mxnet-191-rc1");
        assertThat(Rehearsal.body(r.receivedOn(DEV, "[RESULT][VOTE] Release Apache MXNet (incubating)")))
                .contains("general@incubator.apache.org");
        assertThat(r.state(StepId.IPMC_VOTE)).isNotEqualTo(StepState.DONE);

        r.sendMail("ipmc-vote", "--set", "devVoteThread=https://lists.apache.org/thread/mxnet-191-rc1", "--set",
                "devResultThread=https://lists.apache.org/thread/mxnet-191-rc1-result");
        MimeMessage ipmcVote = r.receivedOn(GENERAL, "[VOTE] Release Apache MXNet (incubating)");
        assertThat(Rehearsal.body(ipmcVote)).contains("https://lists.apache.org/thread/mxnet-191-rc1", RC_NAME);
        Path ipmc = r.roster("justin@apache.org", "kim@apache.org", "lee@apache.org");
        r.reply(ipmcVote, GENERAL, "Kim Ipmc", "kim@apache.org", "+1 (binding)");
        r.reply(ipmcVote, GENERAL, "Lee Ipmc", "lee@apache.org", "+1");
        CliRun ipmcTally = r.tally("general-incubator", ipmc, 73, "--ipmc");
        assertThat(ipmcTally.exitCode()).as(ipmcTally.out() + ipmcTally.err()).isZero();
        TallyOutputs counted = r.record().outputs(StepId.IPMC_TALLY, TallyOutputs.class);
        assertThat(counted.binding().plus()).as("Kim, Lee and the mentor's dev@ vote carried over").isEqualTo(3);
        r.sendMail("ipmc-result", "--set", "voteThread=https://lists.apache.org/thread/mxnet-191-rc1-ipmc");
        r.receivedOn(GENERAL, "[RESULT][VOTE] Release Apache MXNet (incubating)");

        r.dist("publish", "--passphrase-file", r.passphraseFile.toString());
        String released = r.server.tree("release/incubator/mxnet/1.9.1-incubating");
        assertThat(released).contains(RELEASE_NAME + "\n", RELEASE_NAME + ".asc\n", RELEASE_NAME + ".sha512\n")
                .doesNotContain("rc1");
        Gpg gpg = r.gpgWithReleaseKey();
        Path archive = r.fetch("release/incubator/mxnet/1.9.1-incubating/" + RELEASE_NAME);
        Path asc = r.fetch("release/incubator/mxnet/1.9.1-incubating/" + RELEASE_NAME + ".asc");
        assertThat(gpg.verdict(asc, archive)).isEqualTo("GOODSIG");
        assertThat(r.server.cat("release/incubator/mxnet/1.9.1-incubating/" + RELEASE_NAME + ".sha512"))
                .contains(io.releasepilot.testing.Tools.sha512(archive)).contains(RELEASE_NAME);

        CliRun prune = r.dist("prune");
        assertThat(prune.out()).contains("remove " + r.devUrl() + "1.9.0-incubating-rc2/",
                "1.9.0-incubating/");
        assertThat(r.server.tree("dev/incubator/mxnet")).doesNotContain("1.9.0-incubating-rc2");
        assertThat(r.server.tree("release/incubator/mxnet")).contains("1.9.1-incubating/" + RELEASE_NAME)
                .doesNotContain("1.9.0-incubating/");
        assertThat(r.state(StepId.PRUNE)).isEqualTo(StepState.DONE);

        r.sendMail("announce", "--set", "downloadPage=https://mxnet.apache.org/get_started/download", "--set",
                "projectDescription=Apache MXNet is a deep learning framework.", "--announce-early",
                "rehearsal: no mirrors to wait for");
        String announce = Rehearsal.body(r.receivedOn("announce@apache.org", "[ANNOUNCE] Apache MXNet (incubating)"));
        assertThat(announce).contains("incubation");
        assertThat(Files.readString(r.dir.resolve("release.json"), StandardCharsets.UTF_8))
                .doesNotContain(Rehearsal.PASSPHRASE, Rehearsal.SMTP_PASSWORD);
        r.assertNoShellCommandWasNeeded();
    }
}
