package io.releasepilot.rehearsal;

import io.releasepilot.cli.CliRun;
import io.releasepilot.cli.ExitCodes;
import io.releasepilot.release.PublishOutputs;
import io.releasepilot.release.StepId;
import io.releasepilot.release.StepState;
import io.releasepilot.testing.DistServer;
import io.releasepilot.testing.GitFixture;
import io.releasepilot.testing.Tools;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The APISIX guide for a release manager who is a committer but not a PMC member, against httpd + mod_dav_svn
 * whose authz lets {@code committer} write dist/dev but only read dist/release. Publishing answers 403 with the
 * request for the PMC; the test plays the PMC member who runs the move from that request; {@code dist publish}
 * run again then finds the release there and records the step as done.
 */
class ApisixRehearsalTest {
    static final String LIST = "dev@apisix.apache.org";
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
    void aCommitterWithoutDistReleaseRightsPublishesThroughThePmcsMove() throws Exception {
        r = new Rehearsal(tmp, true, "apisix", "apisix");
        r.distUser = DistServer.COMMITTER;
        r.distPassword = DistServer.COMMITTER_PASSWORD;
        r.mailingList(LIST, "dev-apisix");
        GitFixture repo = r.repository("Apache APISIX");
        String d = r.dir.toString();
        r.init("3.2.0", "--repo", repo.dir().toString(), "--rc-tag-pattern", "{version}-rc{rc}",
                "--release-tag-pattern", "{version}", "--display-name", "Apache APISIX");
        r.rp("keys", "generate", "--dir", d, "--passphrase-file", r.passphraseFile.toString(), "--bits", "2048");
        // The PMC keeps KEYS in dist/release, so a committer's key goes in through a PMC member too.
        CliRun keysRefused = r.run(r.distArgs("keys", r.distUser, r.distPassword));
        assertThat(keysRefused.exitCode()).as(keysRefused.out() + keysRefused.err()).isEqualTo(ExitCodes.USAGE_OR_IO);
        assertThat(keysRefused.err()).contains("committer", "Subject: Please add my signing key to the Apache APISIX"
                + " KEYS file", "append this text to\n  " + r.releaseUrl() + "KEYS\n", "-----BEGIN PGP PUBLIC KEY BLOCK");
        assertThat(r.state(StepId.KEYS_FILE)).isEqualTo(StepState.NOT_STARTED);
        // A PMC member appends the text of the request to KEYS; the RM runs the same command again.
        String request = keysRefused.err();
        String text = request.substring(request.indexOf(r.releaseUrl() + "KEYS\n\n") + (r.releaseUrl() + "KEYS\n\n")
                .length(), request.lastIndexOf("\nThank you."));
        r.server.putFile("release/apisix/KEYS", text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "Add the key of the 3.2.0 release manager");
        assertThat(r.dist("keys").out()).contains("is already in " + r.releaseUrl() + "KEYS.", "Nothing to do.");
        assertThat(r.state(StepId.KEYS_FILE)).isEqualTo(StepState.DONE);
        r.rp("notes", "--dir", d);
        r.candidate();
        assertThat(r.server.tree("dev/apisix/3.2.0-rc1")).contains("apache-apisix-3.2.0-src.tar.gz.asc");

        r.sendMail("vote");
        MimeMessage vote = r.receivedWithSubject("[VOTE] Release Apache APISIX 3.2.0-rc1");
        for (String who : new String[] {"pat", "quinn", "sam"}) {
            r.reply(vote, LIST, who + " pmc", who + "@apache.org", "+1 (binding)");
        }
        Path roster = r.roster("pat@apache.org", "quinn@apache.org", "sam@apache.org");
        CliRun tally = r.tally("dev-apisix", roster, 73);
        assertThat(tally.exitCode()).as(tally.out() + tally.err()).isZero();
        r.sendMail("result", "--set", "voteThread=https://lists.apache.org/thread/apisix-320-rc1");

        CliRun refused = r.run(r.distArgs("publish", r.distUser, r.distPassword));
        assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(ExitCodes.USAGE_OR_IO);
        assertThat(refused.err()).contains("Error: The server does not let user 'committer' write to "
                + r.releaseUrl() + "3.2.0/", "only PMC members may write to dist/release",
                "Subject: Please publish 3.2.0 to dist/release", "The release vote on 3.2.0-rc1 passed.");
        assertThat(r.state(StepId.PUBLISH)).isEqualTo(StepState.FAILED);
        assertThat(r.server.tree("dev/apisix")).contains("3.2.0-rc1/");

        // A PMC member runs the move exactly as the request writes it.
        Matcher mv = Pattern.compile("svn mv -m \"([^\"]+)\" \\\\\n\\s+(\\S+) \\\\\n\\s+(\\S+)").matcher(refused.err());
        assertThat(mv.find()).as(refused.err()).isTrue();
        List<String> svn = new ArrayList<>(List.of("svn", "mv", "-m", mv.group(1), mv.group(2), mv.group(3),
                "--username", DistServer.RM, "--password", DistServer.RM_PASSWORD, "--non-interactive",
                "--no-auth-cache", "--config-dir", tmp.resolve("pmc-svn-config").toString()));
        Tools.Result moved = Tools.run(null, svn, Map.of("LANG", "C"), null);
        assertThat(moved.exitCode()).as(moved.err()).isZero();

        CliRun done = r.dist("publish");
        assertThat(done.out()).contains("3.2.0-rc1 is no longer on dist/dev, and " + r.releaseUrl() + "3.2.0/ holds"
                + " exactly the staged files", "Recorded the Publish step as done.");
        assertThat(r.state(StepId.PUBLISH)).isEqualTo(StepState.DONE);
        assertThat(r.record().outputs(StepId.PUBLISH, PublishOutputs.class).files()).containsExactly(
                "apache-apisix-3.2.0-src.tar.gz", "apache-apisix-3.2.0-src.tar.gz.asc",
                "apache-apisix-3.2.0-src.tar.gz.sha512");
        assertThat(r.server.tree("release/apisix")).contains("release/apisix/3.2.0/apache-apisix-3.2.0-src.tar.gz\n");

        r.sendMail("announce", "--set", "downloadPage=https://apisix.apache.org/downloads/", "--set",
                "projectDescription=Apache APISIX is a cloud-native API gateway.", "--announce-early",
                "rehearsal: no mirrors to wait for");
        assertThat(Rehearsal.body(r.receivedWithSubject("[ANNOUNCE] Apache APISIX 3.2.0 released")))
                .contains("https://apisix.apache.org/downloads/");
        r.assertNoShellCommandWasNeeded();
    }
}
