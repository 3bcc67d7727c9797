package io.releasepilot.rehearsal;

import io.releasepilot.cli.CliRun;
import io.releasepilot.release.NextVersionOutputs;
import io.releasepilot.release.StepId;
import io.releasepilot.testing.GitFixture;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The httpd guide: the version lives in {@code include/ap_release.h}; the vote designates the release alpha,
 * beta or GA (the code never changes for it) and the announcement says what the vote designated; version
 * numbers are cheap, so a retracted 2.4.13 is followed by 2.4.14, never by a second 2.4.13.
 */
class HttpdRehearsalTest {
    static final String LIST = "dev@httpd.apache.org";
    static final String HEADER = """
            #ifndef AP_RELEASE_H
            #define AP_RELEASE_H
            #define AP_SERVER_MAJORVERSION_NUMBER 2
            #define AP_SERVER_MINORVERSION_NUMBER 4
            #define AP_SERVER_PATCHLEVEL_NUMBER   13
            #define AP_SERVER_DEVBUILD_BOOLEAN    0
            #endif
            """;
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
    void aRetractedVersionMovesToTheNextNumberAndTheVoteDesignatesItGa() throws Exception {
        r = new Rehearsal(tmp, false, "httpd", "httpd");
        r.mailingList(LIST, "dev-httpd");
        GitFixture repo = r.repository("Apache HTTP Server", "include/ap_release.h",
                io.releasepilot.testing.Archives.HEADER + HEADER);
        String[] patterns = {"--repo", repo.dir().toString(), "--display-name", "Apache HTTP Server",
                "--rc-tag-pattern", "{version}-rc{rc}", "--release-tag-pattern", "{version}"};
        Path first = r.dir;
        r.init("2.4.13", patterns);
        r.rp("keys", "generate", "--dir", first.toString(), "--passphrase-file", r.passphraseFile.toString(),
                "--bits", "2048");
        String fpr = r.record().profile().signingKeyFingerprint();
        r.dist("keys");
        r.rp("notes", "--dir", first.toString());
        r.candidate();
        r.sendMail("vote", "--set", "designation=beta");
        MimeMessage vote13 = r.receivedWithSubject("[VOTE] Release Apache HTTP Server 2.4.13-rc1");
        assertThat(Rehearsal.body(vote13)).contains("This vote also designates the release beta.");
        // A packaging error is found: the RM retracts 2.4.13.
        r.sendMail("cancel", "--set", "cancelReason=2.4.13 is retracted: the tarball misses a file",
                "--set", "nextRcChanges=the next version, 2.4.14, has the file");

        // httpd never re-rolls a number: the retracted 2.4.13 is followed by 2.4.14 (--force: without a passed vote
        // next-version would keep the version for another RC, the rule of projects with RCs).
        CliRun bump = r.rp("next-version", "--dir", first.toString(), "--version-file", "include/ap_release.h",
                "--force");
        assertThat(bump.out()).contains("2.4: 2.4.13 \u2192 2.4.14 (new branch next-version-2.4.14 from 2.4.13-rc1)",
                "-#define AP_SERVER_PATCHLEVEL_NUMBER   13", "+#define AP_SERVER_PATCHLEVEL_NUMBER   14");
        NextVersionOutputs.Bump moved = r.record().outputs(StepId.NEXT_VERSION, NextVersionOutputs.class).bumps()
                .get(0);
        assertThat(moved.version()).isEqualTo("2.4.14");
        assertThat(repo.git("show", "next-version-2.4.14:include/ap_release.h")).contains("PATCHLEVEL_NUMBER   14");

        // The next number gets its own release; its RC tag goes on the commit next-version made.
        r.dir = tmp.resolve("release-2.4.14");
        r.init("2.4.14", patterns);
        r.rp("keys", "use", "--dir", r.dir.toString(), "--key", fpr);
        CliRun keys = r.dist("keys");
        assertThat(keys.out()).contains("is already in " + r.releaseUrl() + "KEYS.");
        r.rp("notes", "--dir", r.dir.toString());
        r.candidateAt("next-version-2.4.14");
        r.rp("source", "preflight", "--dir", r.dir.toString(), "--version-file", "include/ap_release.h");
        r.sendMail("vote", "--set", "designation=GA");
        MimeMessage vote14 = r.receivedWithSubject("[VOTE] Release Apache HTTP Server 2.4.14-rc1");
        assertThat(Rehearsal.body(vote14)).contains("version 2.4.14", "This vote also designates the release GA.",
                "2.4.14-rc1");
        for (String who : new String[] {"pat", "quinn", "sam"}) {
            r.reply(vote14, LIST, who + " pmc", who + "@apache.org", "+1 for GA");
        }
        Path roster = r.roster("pat@apache.org", "quinn@apache.org", "sam@apache.org");
        CliRun tally = r.tally("dev-httpd", roster, 73);
        assertThat(tally.exitCode()).as(tally.out() + tally.err()).isZero();
        r.sendMail("result", "--set", "voteThread=https://lists.apache.org/thread/httpd-2414");
        r.dist("publish");
        assertThat(r.server.tree("release/httpd")).contains("release/httpd/2.4.14/apache-httpd-2.4.14-src.tar.gz\n")
                .doesNotContain("2.4.13");
        r.sendMail("announce", "--set", "downloadPage=https://httpd.apache.org/download.cgi", "--set",
                "projectDescription=The Apache HTTP Server is an open-source HTTP server.", "--announce-early",
                "rehearsal: no mirrors to wait for");
        String announce = Rehearsal.body(r.receivedWithSubject("[ANNOUNCE] Apache HTTP Server 2.4.14 released"));
        assertThat(announce).contains("announce the release of Apache HTTP Server 2.4.14. The release vote designated"
                + " it GA.");

        CliRun after = r.rp("next-version", "--dir", r.dir.toString(), "--version-file", "include/ap_release.h",
                "--dry-run");
        assertThat(after.out()).contains("2.4.14 \u2192 2.4.15");
        r.assertNoShellCommandWasNeeded();
    }
}
