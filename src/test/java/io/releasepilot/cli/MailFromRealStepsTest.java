package io.releasepilot.cli;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.releasepilot.release.MailOutputs;
import io.releasepilot.release.RecordService;
import io.releasepilot.release.ReleaseRecord;
import io.releasepilot.release.StageOutputs;
import io.releasepilot.release.StepId;
import io.releasepilot.release.StepState;
import io.releasepilot.release.Workspace;
import io.releasepilot.testing.Archives;
import io.releasepilot.testing.GitFixture;
import io.releasepilot.testing.Tools;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mails of a release whose earlier steps ran for real through the command line with {@code --dir}: the
 * RC tag, its commit, the archive's SHA-512 and the signing key come from what those steps recorded.
 */
class MailFromRealStepsTest {
    static final String PASS = "mail steps passphrase";
    static final String SMTP_PASSWORD = "real-Steps-Smtp-5";

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("jdoe@apache.org", "jdoe", SMTP_PASSWORD));

    @TempDir
    Path tmp;

    private CliRun ok(Path home, String... args) {
        return CliRun.okIn(home, args);
    }

    @Test
    void voteAfterRealSourceAndSignStepsCarriesTheirTagCommitChecksumAndKey() throws Exception {
        for (String tool : List.of("git", "sha512sum")) {
            Tools.require(tool);
        }
        GitFixture repo = new GitFixture(tmp.resolve("kvrocks"));
        repo.write("LICENSE", Files.readString(Path.of("LICENSE")))
                .write("NOTICE", "Apache Kvrocks\nCopyright 2022-" + Year.now() + " The Apache Software Foundation\n")
                .write("src/server.cc", Archives.HEADER + "int main() { return 0; }\n");
        repo.commit("Release 2.3.0");
        repo.tag("v2.3.0");
        repo.write("src/extra.cc", Archives.HEADER + "int extra;\n").commitAs("Ann", "ann@apache.org",
                "feat: add extra");
        Path home = tmp.resolve("home");
        Path passFile = Files.writeString(tmp.resolve("pass"), PASS + "\n");
        Path dir = tmp.resolve("release");
        String d = dir.toString();
        CliRun init = CliRun.run("profile", "init", "--dir", d, "--project", "kvrocks", "--version", "2.4.0",
                "--repo", repo.dir().toString(), "--name", "Jane Doe", "--apache-id", "jdoe", "--email",
                "jdoe@apache.org", "--home", home.toString());
        assertThat(init.exitCode()).as(init.err()).isZero();
        ok(home, "keys", "generate", "--dir", d, "--passphrase-file", passFile.toString(), "--bits", "2048");
        ok(home, "notes", "--dir", d);
        ok(home, "source", "tag", "--dir", d, "--sign", "--passphrase-file", passFile.toString());
        ok(home, "source", "build", "--dir", d);
        ok(home, "sign", "--dir", d, "--passphrase-file", passFile.toString());
        Path keys = java.nio.file.Files.writeString(tmp.resolve("KEYS"), "This file contains the PGP keys of the"
                + " project's release managers.\n");
        ok(home, "keys", "append", "--dir", d, "--keys-file", keys.toString());

        String commit = repo.git("rev-parse", "HEAD").strip();
        Path archive = dir.resolve("artifacts/2.4.0-rc1/apache-kvrocks-2.4.0-src.tar.gz");
        String fpr = new RecordService(new Workspace(dir)).load().profile().signingKeyFingerprint().replace(" ", "");

        CliRun preview = CliRun.run("mail", "vote", "--dir", d);
        assertThat(preview.out()).contains("Git tag of the release candidate:\n  v2.4.0-rc1\n",
                "Commit id:\n  " + commit + "\n",
                "apache-kvrocks-2.4.0-src.tar.gz\n    SHA-512: " + Tools.sha512(archive),
                fpr.substring(0, 4) + " " + fpr.substring(4, 8), "add extra");
        assertThat(preview.err()).as("only the not yet built Stage step is missing")
                .isEqualTo("Missing values:\n  - staged RC folder — from the Stage step: the RC folder on dist/dev"
                        + " (not done yet)\n");
        assertThat(preview.exitCode()).isEqualTo(ExitCodes.CHECKS_FAILED);

        // What the Stage step (issue 11) will record; then the vote is complete and goes out.
        new RecordService(new Workspace(dir)).done(StepId.STAGE, new StageOutputs(
                "https://dist.apache.org/repos/dist/dev/kvrocks/2.4.0-rc1/", 99, List.of()));
        Path pw = Files.writeString(tmp.resolve("smtp-pw"), SMTP_PASSWORD + "\n");
        CliRun send = CliRun.run("mail", "vote", "--dir", d, "--send", "--smtp", "127.0.0.1:"
                + GREEN_MAIL.getSmtp().getPort(), "--security", "none", "--username", "jdoe", "--password-file",
                pw.toString());
        assertThat(send.exitCode()).as(send.err()).isZero();

        MimeMessage sent = GREEN_MAIL.getReceivedMessages()[0];
        String body = (String) sent.getContent();
        assertThat(body).contains(commit, "v2.4.0-rc1", "https://dist.apache.org/repos/dist/dev/kvrocks/2.4.0-rc1/");
        Matcher m = Pattern.compile("until (\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d) UTC").matcher(body);
        assertThat(m.find()).isTrue();
        Instant deadline = Instant.parse(m.group(1).replace(' ', 'T') + ":00Z");
        assertThat(Duration.between(sent.getSentDate().toInstant(), deadline)).isGreaterThanOrEqualTo(Duration.ofHours(72))
                .isLessThan(Duration.ofHours(73));

        ReleaseRecord r = new RecordService(new Workspace(dir)).load();
        MailOutputs vote = r.outputs(StepId.VOTE, MailOutputs.class);
        assertThat(vote.messageId()).isEqualTo(sent.getMessageID()).endsWith("@apache.org>");
        assertThat(vote.closesAt()).isEqualTo(deadline);
        assertThat(r.step(StepId.TALLY).status()).isEqualTo(StepState.WAITING);
        assertThat(send.out() + send.err() + Files.readString(dir.resolve("release.json"))).doesNotContain(SMTP_PASSWORD);
    }
}
