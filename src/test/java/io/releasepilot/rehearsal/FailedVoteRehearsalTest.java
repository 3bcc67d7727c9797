package io.releasepilot.rehearsal;

import io.releasepilot.cli.CliRun;
import io.releasepilot.cli.ExitCodes;
import io.releasepilot.release.StepId;
import io.releasepilot.release.StepState;
import io.releasepilot.release.TallyOutputs;
import io.releasepilot.testing.Archives;
import io.releasepilot.testing.GitFixture;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A vote that fails: binding -1s sink RC1, the [CANCELLED] mail goes out, {@code rc next} starts RC2 from a
 * fixed commit, and RC2's vote passes and is published; RC1 stays in the record as history.
 */
class FailedVoteRehearsalTest {
    static final String LIST = "dev@demo.apache.org";
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
    void aFailedVoteIsCancelledAndTheNextCandidatePassesAndIsPublished() throws Exception {
        r = new Rehearsal(tmp, false, "demo", "demo");
        r.mailingList(LIST, "dev-demo");
        GitFixture repo = r.repository("Apache Demo");
        String d = r.dir.toString();
        r.init("1.0.0", "--repo", repo.dir().toString());
        r.rp("keys", "generate", "--dir", d, "--passphrase-file", r.passphraseFile.toString(), "--bits", "2048");
        r.dist("keys");
        r.rp("notes", "--dir", d);
        r.candidate();
        r.sendMail("vote");
        MimeMessage vote1 = r.receivedWithSubject("[VOTE] Release Apache Demo 1.0.0-rc1");
        Path roster = r.roster("Pat Pmc <pat@apache.org>", "Quinn Pmc <quinn@apache.org>",
                "Sam Pmc <sam@apache.org>", "Tess Pmc <tess@apache.org>");
        r.reply(vote1, LIST, "Pat Pmc", "pat@apache.org", "-1 (binding): the bundled font is not in LICENSE.");
        r.reply(vote1, LIST, "Quinn Pmc", "quinn@apache.org", "-1, same LICENSE problem.");
        r.reply(vote1, LIST, "Sam Pmc", "sam@apache.org", "+1");

        CliRun failed = r.tally("dev-demo", roster, 73);
        assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(ExitCodes.CHECKS_FAILED);
        TallyOutputs counted = r.record().outputs(StepId.TALLY, TallyOutputs.class);
        assertThat(counted.passed()).isFalse();
        assertThat(counted.binding()).isEqualTo(new TallyOutputs.Counts(1, 0, 2));

        r.sendMail("cancel", "--set", "cancelReason=the LICENSE file does not list the bundled font",
                "--set", "nextRcChanges=LICENSE lists the bundled font");
        MimeMessage cancel = r.receivedWithSubject("[CANCELLED][VOTE] Release Apache Demo 1.0.0-rc1");
        assertThat(cancel.getHeader("In-Reply-To")[0]).isEqualTo(vote1.getMessageID());
        assertThat(Rehearsal.body(cancel)).contains("the LICENSE file does not list the bundled font",
                "Release candidate 2 will change:\n  LICENSE lists the bundled font");

        CliRun next = r.rp("rc", "next", "--dir", d, "--reason", "vote failed: LICENSE misses the bundled font");
        assertThat(next.out()).contains("Started RC 2: tag v1.0.0-rc2, folder 1.0.0-rc2.");
        assertThat(r.record().currentRc()).isEqualTo(2);
        assertThat(r.state(StepId.SOURCE)).isEqualTo(StepState.NOT_STARTED);

        repo.write("LICENSE", java.nio.file.Files.readString(repo.dir().resolve("LICENSE"))
                + "\nThe bundled font is under the SIL Open Font License 1.1.\n");
        repo.write("src/font.c", Archives.HEADER + "int font;\n").commit("List the bundled font in LICENSE");
        r.candidate();
        assertThat(r.server.tree("dev/demo")).contains("1.0.0-rc1/", "1.0.0-rc2/apache-demo-1.0.0-src.tar.gz");
        r.sendMail("vote");
        MimeMessage vote2 = r.receivedWithSubject("[VOTE] Release Apache Demo 1.0.0-rc2");
        assertThat(Rehearsal.body(vote2)).contains("v1.0.0-rc2", r.devUrl() + "1.0.0-rc2/");
        for (String who : new String[] {"pat", "quinn", "sam"}) {
            r.reply(vote2, LIST, Character.toUpperCase(who.charAt(0)) + who.substring(1) + " Pmc", who + "@apache.org",
                    "+1 (binding), LICENSE fixed");
        }
        CliRun passed = r.tally("dev-demo", roster, 73);
        assertThat(passed.exitCode()).as(passed.out() + passed.err()).isZero();
        TallyOutputs second = r.record().outputs(StepId.TALLY, TallyOutputs.class);
        assertThat(second.passed()).isTrue();
        assertThat(second.binding()).isEqualTo(new TallyOutputs.Counts(3, 0, 0));
        r.sendMail("result", "--set", "voteThread=https://lists.apache.org/thread/demo-100-rc2");
        assertThat(Rehearsal.body(r.receivedWithSubject("[RESULT][VOTE] Release Apache Demo 1.0.0-rc2")))
                .contains("Binding votes: +1: 3, 0: 0, -1: 0");

        r.dist("publish");
        assertThat(r.server.tree("release/demo")).contains("release/demo/1.0.0/apache-demo-1.0.0-src.tar.gz\n");
        assertThat(r.server.cat("release/demo/1.0.0/apache-demo-1.0.0-src.tar.gz.sha512"))
                .contains(r.record().outputs(StepId.STAGE, io.releasepilot.release.StageOutputs.class).files().get(0)
                        .sha512());
        assertThat(r.record().candidates()).hasSize(2);
        r.assertNoShellCommandWasNeeded();
    }
}
