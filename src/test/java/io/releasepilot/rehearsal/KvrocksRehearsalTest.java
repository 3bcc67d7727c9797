package io.releasepilot.rehearsal;

import io.releasepilot.cli.CliRun;
import io.releasepilot.cli.ExitCodes;
import io.releasepilot.release.PublishOutputs;
import io.releasepilot.release.StepId;
import io.releasepilot.release.StepState;
import io.releasepilot.release.TallyOutputs;
import io.releasepilot.testing.GitFixture;
import io.releasepilot.testing.Gpg;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kvrocks release guide, through the command line only: {@code apache-kvrocks-<v>-src.tar.gz} from tag
 * {@code <v>-rc<n>}, the [VOTE] with its checklist, a 72-hour tally with three binding +1 from the PMC roster,
 * the [RESULT] naming them, the move to dist/release and the [ANNOUNCE].
 */
class KvrocksRehearsalTest {
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
    void kvrocksGuideFromKeyToAnnouncementNeedsOnlyReleasePilot() throws Exception {
        r = new Rehearsal(tmp, false, "kvrocks", "kvrocks");
        r.mailingList("dev@kvrocks.apache.org", "dev-kvrocks");
        GitFixture repo = r.repository("Apache Kvrocks");
        repo.write("src/server.cc", io.releasepilot.testing.Archives.HEADER + "int serve;\n")
                .commitAs("Ann Dev", "ann@apache.org", "feat: add server");
        String d = r.dir.toString();

        r.init("2.4.0", "--repo", repo.dir().toString(), "--rc-tag-pattern", "{version}-rc{rc}",
                "--release-tag-pattern", "{version}");
        r.rp("keys", "generate", "--dir", d, "--passphrase-file", r.passphraseFile.toString(), "--bits", "2048");
        r.dist("keys");
        r.rp("notes", "--dir", d);
        r.rp("source", "tag", "--dir", d, "--sign", "--passphrase-file", r.passphraseFile.toString());
        assertThat(repo.git("tag", "-l")).isEqualTo("2.4.0-rc1");
        r.rp("source", "build", "--dir", d);
        r.rp("sign", "--dir", d, "--passphrase-file", r.passphraseFile.toString());
        r.rp("verify", "--dir", d);
        r.dist("stage");
        assertThat(r.server.tree("dev/kvrocks/2.4.0-rc1")).contains("apache-kvrocks-2.4.0-src.tar.gz",
                "apache-kvrocks-2.4.0-src.tar.gz.asc", "apache-kvrocks-2.4.0-src.tar.gz.sha512");

        r.sendMail("vote");
        MimeMessage vote = r.receivedWithSubject("[VOTE] Release Apache Kvrocks 2.4.0-rc1");
        assertThat(Rehearsal.body(vote)).contains(r.devUrl() + "2.4.0-rc1/", "Git tag of the release candidate:\n"
                + "  2.4.0-rc1\n", "Checklist for reference:\n", r.releaseUrl() + "KEYS", "add server");

        r.reply(vote, "dev@kvrocks.apache.org", "Pat Pmc", "pat@apache.org", "+1 (binding)\n\nChecked signatures.");
        r.reply(vote, "dev@kvrocks.apache.org", "Quinn Pmc", "quinn@apache.org", "+1");
        r.reply(vote, "dev@kvrocks.apache.org", "Casey Contributor", "casey@example.org", "+1 (non-binding)");
        Path roster = r.roster("Pat Pmc <pat@apache.org>", "Quinn Pmc <quinn@apache.org>",
                "Sam Pmc <sam@apache.org>", "Rita Manager <rm@apache.org>");
        String[] tally = {"vote", "tally", "--dir", d, "--imap", r.imapUrl("dev-kvrocks"), "--password-file",
                r.listPasswordFile.toString(), "--roster", roster.toString(), "--now", Rehearsal.hoursFromNow(1)};
        CliRun early = r.run(tally);
        assertThat(early.exitCode()).as(early.out() + early.err()).isEqualTo(ExitCodes.CHECKS_FAILED);
        assertThat(r.state(StepId.TALLY)).isEqualTo(StepState.WAITING);

        r.reply(vote, "dev@kvrocks.apache.org", "Sam Pmc", "sam@apache.org", "+1, checked LICENSE and NOTICE");
        tally[tally.length - 1] = Rehearsal.hoursFromNow(73);
        r.rp(tally);
        TallyOutputs counted = r.record().outputs(StepId.TALLY, TallyOutputs.class);
        assertThat(counted.passed()).isTrue();
        assertThat(counted.binding()).isEqualTo(new TallyOutputs.Counts(3, 0, 0));
        assertThat(counted.nonBinding()).isEqualTo(new TallyOutputs.Counts(1, 0, 0));

        r.sendMail("result", "--set", "voteThread=https://lists.apache.org/thread/kvrocks-240-rc1");
        String result = Rehearsal.body(r.receivedWithSubject("[RESULT][VOTE] Release Apache Kvrocks 2.4.0-rc1"));
        assertThat(result).contains("Binding votes: +1: 3, 0: 0, -1: 0", "Pat Pmc", "Quinn Pmc", "Sam Pmc",
                "Non-binding votes: +1: 1", "Casey Contributor", "https://lists.apache.org/thread/kvrocks-240-rc1");

        r.dist("publish");
        assertThat(r.server.tree("release/kvrocks")).contains("release/kvrocks/2.4.0/apache-kvrocks-2.4.0-src.tar.gz\n",
                "release/kvrocks/2.4.0/apache-kvrocks-2.4.0-src.tar.gz.asc\n", "release/kvrocks/KEYS\n");
        assertThat(r.server.tree("dev/kvrocks")).doesNotContain("2.4.0-rc1");
        assertThat(r.record().outputs(StepId.PUBLISH, PublishOutputs.class).override()).isNull();
        Gpg gpg = r.gpgWithReleaseKey();
        Path archive = r.fetch("release/kvrocks/2.4.0/apache-kvrocks-2.4.0-src.tar.gz");
        Path asc = r.fetch("release/kvrocks/2.4.0/apache-kvrocks-2.4.0-src.tar.gz.asc");
        assertThat(gpg.verdict(asc, archive)).isEqualTo("GOODSIG");

        String[] announce = {"--set", "downloadPage=https://kvrocks.apache.org/download",
                "--set", "projectDescription=Apache Kvrocks is a distributed key value NoSQL database."};
        CliRun tooEarly = r.run(concat(new String[] {"mail", "announce", "--dir", d, "--send", "--smtp",
                "127.0.0.1:" + r.mail.getSmtp().getPort(), "--security", "none", "--username", Rehearsal.RM_ID,
                "--password-file", r.smtpPasswordFile.toString()}, announce));
        assertThat(tooEarly.exitCode()).isNotZero();
        assertThat(tooEarly.err()).contains("24 hours");
        r.sendMail("announce", concat(announce, new String[] {"--announce-early", "rehearsal: no mirrors to wait for"}));
        String ann = Rehearsal.body(r.receivedWithSubject("[ANNOUNCE] Apache Kvrocks 2.4.0 released"));
        assertThat(ann).contains("https://kvrocks.apache.org/download", "add server");
        assertThat(r.state(StepId.ANNOUNCE)).isEqualTo(StepState.DONE);
        r.assertNoShellCommandWasNeeded();
    }

    static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
