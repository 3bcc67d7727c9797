package io.releasepilot.cli;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code mail KIND --dir D}, as a release manager types it. */
class MailCommandTest {
    private static final String PASSWORD = "cli-Secret-9731";

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("jdoe@apache.org", "jdoe", PASSWORD))
            .withPerMethodLifecycle(true);

    @TempDir
    Path tmp;

    private Path release() {
        Path dir = tmp.resolve("kvrocks-2.4.0");
        CliRun init = CliRun.run("profile", "init", "--home", tmp.resolve("home").toString(), "--dir", dir.toString(),
                "--project", "kvrocks", "--version", "2.4.0", "--name", "Jane Doe", "--apache-id", "jdoe",
                "--email", "jdoe@apache.org");
        assertThat(init.exitCode()).as(init.err()).isZero();
        return dir;
    }

    private static String[] planArgs(Path dir, String... more) {
        return Stream.concat(Stream.of("mail", "plan", "--dir", dir.toString(), "--set", "rcDate=2026-12-01",
                "--set", "cherryPickDeadline=2026-11-28", "--set", "draftNotesUrl=https://example.org/notes"),
                Stream.of(more)).toArray(String[]::new);
    }

    @Test
    void withoutOutOrSendItPrintsTheMailAndWhatIsMissing() {
        Path dir = release();
        CliRun run = CliRun.run("mail", "vote", "--dir", dir.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.CHECKS_FAILED);
        assertThat(run.out()).startsWith("From: Jane Doe <jdoe@apache.org>\nTo: dev@kvrocks.apache.org\n"
                + "Subject: [VOTE] Release Apache Kvrocks 2.4.0-rc1\n");
        assertThat(run.err()).contains("Missing values:", "  - commit id — from the Source step (not done yet)");

        CliRun plan = CliRun.run(planArgs(dir));
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("Cherry-pick deadline: 2026-11-28");
    }

    @Test
    void outSavesAStandardEmlFile() throws Exception {
        Path dir = release();
        Path eml = tmp.resolve("plan.eml");
        CliRun run = CliRun.run(planArgs(dir, "--out", eml.toString()));
        assertThat(run.exitCode()).as(run.err()).isZero();
        try (InputStream in = Files.newInputStream(eml)) {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), in);
            assertThat(m.getSubject()).isEqualTo("[DISCUSS] Release plan for Apache Kvrocks 2.4.0");
            assertThat(m.getMessageID()).endsWith("@apache.org>");
        }
    }

    @Test
    void anUnfilledMailIsNeitherSavedNorSent() {
        Path dir = release();
        Path eml = tmp.resolve("vote.eml");
        CliRun run = CliRun.run("mail", "vote", "--dir", dir.toString(), "--out", eml.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE_OR_IO);
        assertThat(run.err()).contains("is not ready", "commit id — from the Source step");
        assertThat(eml).doesNotExist();
    }

    @Test
    void sendGoesThroughSmtpWithThePasswordFromAFileAndNeverPrintsOrStoresIt() throws Exception {
        Path dir = release();
        Path pw = tmp.resolve("pw");
        Files.writeString(pw, PASSWORD + "\n");
        CliRun run = CliRun.run(planArgs(dir, "--send", "--smtp", "127.0.0.1:" + GREEN_MAIL.getSmtp().getPort(),
                "--security", "none", "--username", "jdoe", "--password-file", pw.toString()));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Sent [DISCUSS] Release plan for Apache Kvrocks 2.4.0 to dev@kvrocks.apache.org");
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(1);
        try (Stream<Path> saved = Files.list(dir.resolve("mail"))) {
            assertThat(saved.map(p -> p.getFileName().toString())).singleElement().asString()
                    .matches("plan-\\d{8}T\\d{6}Z\\.eml");
        }
        assertThat(run.out() + run.err()).doesNotContain(PASSWORD);
        try (Stream<Path> files = Files.walk(tmp)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.equals(pw)).toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString())
                        .doesNotContain(PASSWORD);
            }
        }
    }

    @Test
    void wrongPasswordIsAClearErrorAndNothingIsSent() throws Exception {
        Path dir = release();
        Path pw = tmp.resolve("pw");
        Files.writeString(pw, "not-it\n");
        CliRun run = CliRun.run(planArgs(dir, "--send", "--smtp", "127.0.0.1:" + GREEN_MAIL.getSmtp().getPort(),
                "--security", "none", "--username", "jdoe", "--password-file", pw.toString()));
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE_OR_IO);
        assertThat(run.err()).contains("refused the user name or password for jdoe; nothing was sent.")
                .doesNotContain("not-it").doesNotContain("Exception");
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void plainSmtpToAnotherMachineIsRefused() {
        Path dir = release();
        CliRun run = CliRun.run(planArgs(dir, "--send", "--smtp", "mail.example.org:25", "--security", "none"));
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE_OR_IO);
        assertThat(run.err()).contains("Sending without encryption is refused for mail.example.org");
    }

    @Test
    void copyTemplateGivesTheReleaseItsOwnTemplateThatThePreviewFollows() throws Exception {
        Path dir = release();
        CliRun copy = CliRun.run("mail", "plan", "--dir", dir.toString(), "--copy-template");
        Path file = dir.resolve("mail/templates/plan.txt");
        assertThat(copy.out().strip()).isEqualTo(file.toString());
        Files.writeString(file, Files.readString(file).replace("I will be the release manager", "I shall be the RM"));
        assertThat(CliRun.run(planArgs(dir)).out()).contains("I shall be the RM for this release.");
        assertThat(CliRun.run("mail", "plan", "--dir", dir.toString(), "--copy-template").exitCode()).isZero();
        assertThat(Files.readString(file)).as("an existing template is kept").contains("I shall be the RM");
    }

    @Test
    void unknownKindsAndValuesAreNamed() {
        Path dir = release();
        assertThat(CliRun.run("mail", "votes", "--dir", dir.toString()).err()).contains("\"votes\" is not a mail.",
                "plan, vote, result, cancel, ipmc-vote, ipmc-result, announce");
        assertThat(CliRun.run("mail", "vote", "--dir", dir.toString(), "--set", "cancelReasn=x").err())
                .contains("--set cancelReasn: there is no such value.");
        assertThat(CliRun.run("mail", "--help").exitCode()).isZero();
    }
}
