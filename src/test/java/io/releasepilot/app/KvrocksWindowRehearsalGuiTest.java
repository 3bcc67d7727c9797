package io.releasepilot.app;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.releasepilot.core.AppHome;
import io.releasepilot.gui.StubDialogs;
import io.releasepilot.gui.common.Resources;
import io.releasepilot.gui.common.Styles;
import io.releasepilot.mail.SmtpSender;
import io.releasepilot.testing.Archives;
import io.releasepilot.testing.DistServer;
import io.releasepilot.testing.GitFixture;
import io.releasepilot.testing.WizardRobot;
import jakarta.mail.internet.MimeMessage;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.Year;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static io.releasepilot.testing.WizardRobot.await;
import static io.releasepilot.testing.WizardRobot.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Kvrocks-style release rehearsed through the window only, clicking the real controls: a new release's profile
 * (tags {@code <v>-rc<n>}), the plan mail, a new key appended to KEYS, the notes, the release branch, the RC tag and
 * the archive, the signatures, the check, staging on a real svnserve, the [VOTE] sent to GreenMail, the vote thread
 * counted (the test's clock moved past the 72 hours), the [RESULT], publishing, pruning and the [ANNOUNCE]. The
 * outcome is asserted on the servers: the files in dist/release and the four mails received.
 */
@ExtendWith(ApplicationExtension.class)
class KvrocksWindowRehearsalGuiTest {
    static final String PASS = "rehearsal passphrase for the key";
    static final String SMTP_PASSWORD = "rehearsal-Smtp-pw-5";

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("rm@apache.org", "rm", SMTP_PASSWORD));

    @TempDir
    static Path tmp;
    static DistServer server;
    static GitFixture repo;
    /** The time the window goes by: moved on past the vote's 72 hours. */
    static final AtomicReference<Duration> AHEAD = new AtomicReference<>(Duration.ZERO);
    private final StubDialogs dialogs = new StubDialogs();

    @BeforeAll
    static void aRepositoryADistAreaAndAnEarlierRelease() throws Exception {
        server = DistServer.svnserve(tmp);
        server.mkdir("release/demo/2.4.0");
        server.mkdir("release/demo/2.4.1");
        repo = new GitFixture(tmp.resolve("kvrocks"));
        repo.write("LICENSE", Files.readString(Path.of("LICENSE")))
                .write("NOTICE", "Apache Demo\nCopyright " + Year.now() + " The Apache Software Foundation\n")
                .write("src/server.cc", Archives.HEADER + "int serve;\n");
        repo.commit("Initial");
        repo.tag("2.4.0");
        repo.write("src/cluster.cc", Archives.HEADER + "int cluster;\n").commitAs("Ann", "ann@apache.org",
                "feat: cluster mode");
        repo.write("src/server.cc", Archives.HEADER + "int serve = 1;\n").commitAs("Bob", "bob@apache.org",
                "fix: serve starts at one");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static final class MovableClock extends Clock {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(AHEAD.get());
        }
    }

    @Start
    void start(Stage stage) {
        Scene scene = new Scene(Composition.mainWindow(new AppHome(tmp.resolve("home")), dialogs, () -> { }, 2048,
                new SmtpSender(), uri -> { }, new MovableClock()), 1400, 1100);
        scene.getStylesheets().add(Resources.url(Styles.STYLESHEET));
        stage.setScene(scene);
        stage.show();
    }

    /** Scrolls {@code id} into view, as a user would, then clicks it. */
    private static void click(FxRobot robot, String id) {
        Node node = robot.lookup(id).query();
        robot.interact(() -> {
            for (javafx.scene.Parent p = node.getParent(); p != null; p = p.getParent()) {
                if (p instanceof javafx.scene.control.ScrollPane scroll) {
                    var content = scroll.getContent();
                    double y = content.sceneToLocal(node.localToScene(0, 0)).getY();
                    double range = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
                    scroll.setVvalue(range <= 0 ? 0 : Math.min(1, Math.max(0, (y - 40) / range)));
                    break;
                }
            }
        });
        robot.clickOn(id);
    }

    /** Types {@code text} into the field {@code id}, replacing what it held. */
    private static void type(FxRobot robot, String id, String text) {
        TextInputControl field = robot.lookup(id).queryAs(TextInputControl.class);
        robot.interact(() -> {
            field.clear();
            field.requestFocus();
        });
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(field.getText()).as(id).isEqualTo(text);
    }

    /** Sends the mail the current pane shows through GreenMail, and waits until it went. */
    private void send(FxRobot robot, int before) throws Exception {
        await(robot, "#mailProblems", "Ready: every value is filled in.");
        type(robot, "#smtpHost", "127.0.0.1");
        type(robot, "#smtpPort", Integer.toString(GREEN_MAIL.getSmtp().getPort()));
        javafx.scene.control.ChoiceBox<?> security = robot.lookup("#smtpSecurity").queryAs(
                javafx.scene.control.ChoiceBox.class);
        if (!"NONE".equals(String.valueOf(security.getValue()))) {
            click(robot, "#smtpSecurity");
            robot.clickOn(robot.lookup(".menu-item").match((Node n) -> n instanceof javafx.scene.Parent p
                    && p.getChildrenUnmodifiable().stream().anyMatch(c -> c instanceof javafx.scene.control.Label l
                    && "NONE".equals(l.getText()))).queryAs(Node.class));
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(String.valueOf(security.getValue())).isEqualTo("NONE");
        type(robot, "#smtpUser", "rm");
        dialogs.passwords.add(SMTP_PASSWORD);
        click(robot, "#mailSend");
        await(robot, "#mailStatus", "Sent");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> GREEN_MAIL.getReceivedMessages().length > before);
    }

    @Test
    void aKvrocksReleaseFromProfileToAnnouncementThroughTheWindowOnly(FxRobot robot) throws Exception {
        Path release = Files.createDirectories(tmp.resolve("kvrocks-2.5.0"));
        dialogs.directories.add(release);
        robot.clickOn("#newReleaseButton");

        // Release profile
        type(robot, "#profile_PROJECT_ID", "demo");
        type(robot, "#profile_VERSION", "2.5.0");
        type(robot, "#profile_GIT_REPOSITORY", repo.dir().toString());
        type(robot, "#profile_RC_TAG_PATTERN", "{version}-rc{rc}");
        type(robot, "#profile_RELEASE_TAG_PATTERN", "{version}");
        type(robot, "#profile_DIST_DEV_URL", server.devUrl());
        type(robot, "#profile_DIST_RELEASE_URL", server.releaseUrl());
        type(robot, "#profile_RM_NAME", "Rita Manager");
        type(robot, "#profile_RM_APACHE_ID", DistServer.RM);
        type(robot, "#profile_RM_EMAIL", "rm@apache.org");
        assertThat(text(robot, "#preview_rcTag")).isEqualTo("2.5.0-rc1");
        click(robot, "#saveProfile");
        await(robot, "#profileState", "Saved.");

        // Release plan
        WizardRobot.openStep(robot, "Release plan");
        type(robot, "#mailInput-rcDate", "2026-12-01");
        type(robot, "#mailInput-cherryPickDeadline", "2026-11-28");
        type(robot, "#mailInput-draftNotesUrl", "https://example.org/notes");
        send(robot, 0);

        // Signing key, and KEYS
        WizardRobot.openStep(robot, "Signing key");
        type(robot, "#keyPassphrase", PASS);
        type(robot, "#keyPassphraseAgain", PASS);
        click(robot, "#createKey");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> text(robot, "#keysStatus").startsWith("Created key"));
        click(robot, "#useKey");
        Path keys = Files.writeString(tmp.resolve("KEYS"), "This file contains the PGP keys of the release managers.\n");
        type(robot, "#keysFile", keys.toString());
        click(robot, "#keysPreviewButton");
        click(robot, "#keysAppend");
        await(robot, "#keysStatus", keys + " now holds 1 key");

        // Release notes
        WizardRobot.openStep(robot, "Release notes");
        click(robot, "#notesGenerate");
        await(robot, "#notesStatus", "Draft from");
        click(robot, "#notesSave");
        await(robot, "#notesStatus", "Saved ");

        // Release branch
        WizardRobot.openStep(robot, "Release branch");
        await(robot, "#branchStatus", "Check what will happen");
        click(robot, "#branchApply");
        await(robot, "#branchStatus", "Done.");

        // Source release
        WizardRobot.openStep(robot, "Source release");
        click(robot, "#tagCreate");
        await(robot, "#sourceStatus", "Created tag 2.5.0-rc1");
        click(robot, "#sourceCheck");
        await(robot, "#sourceStatus", "All pre-flight");
        click(robot, "#sourceBuild");
        await(robot, "#sourceStatus", "Built");

        // Sign
        WizardRobot.openStep(robot, "Sign");
        type(robot, "#signPassphrase", PASS);
        click(robot, "#signAll");
        await(robot, "#signStatus", "Signed");

        // Check
        WizardRobot.openStep(robot, "Check");
        click(robot, "#checkRun");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !text(robot, "#checkStatus").startsWith("Checking"));
        assertThat(text(robot, "#checkStatus")).contains("KEYS used: " + keys);

        // Stage
        WizardRobot.openStep(robot, "Stage");
        await(robot, "#stageStatus", "Ready");
        dialogs.passwords.add(DistServer.RM_PASSWORD);
        click(robot, "#stageButton");
        await(robot, "#stageStatus", "Staged");

        // Vote mail
        WizardRobot.openStep(robot, "Vote mail");
        send(robot, 1);
        MimeMessage vote = GREEN_MAIL.getReceivedMessages()[1];
        assertThat(vote.getSubject()).isEqualTo("[VOTE] Release Apache Demo 2.5.0-rc1");

        // Count the vote, 80 hours later
        AHEAD.set(Duration.ofHours(80));
        Path mbox = tmp.resolve("vote.mbox");
        Files.writeString(mbox, thread(vote.getMessageID(), vote.getSubject()));
        Path roster = Files.writeString(tmp.resolve("roster.txt"), "rm\nalice\nbob\ncarol\n");
        WizardRobot.openStep(robot, "Count the vote");
        dialogs.files.add(mbox);
        click(robot, "#tallyChooseSource");
        dialogs.files.add(roster);
        click(robot, "#tallyChooseRoster");
        click(robot, "#tallyCount");
        await(robot, "#tallyStatus", "Counted and recorded in the release.");
        assertThat(text(robot, "#tallyVerdict")).startsWith("Passed with 3 binding +1");

        // Result mail
        WizardRobot.openStep(robot, "Result mail");
        type(robot, "#mailInput-voteThread", "https://lists.apache.org/thread/rehearsal-vote");
        send(robot, 2);

        // Publish
        WizardRobot.openStep(robot, "Publish");
        await(robot, "#publishStatus", "Ready: the vote passed.");
        dialogs.passwords.add(DistServer.RM_PASSWORD);
        click(robot, "#publishButton");
        await(robot, "#publishStatus", "Published.");

        // Prune
        WizardRobot.openStep(robot, "Prune");
        await(robot, "#pruneStatus", "1 folder is proposed for removal.");
        dialogs.passwords.add(DistServer.RM_PASSWORD);
        click(robot, "#pruneButton");
        await(robot, "#pruneStatus", "Removed.");

        // Announcement, a day after publishing
        AHEAD.set(Duration.ofHours(110));
        WizardRobot.openStep(robot, "Announcement");
        type(robot, "#mailInput-downloadPage", "https://demo.apache.org/download");
        type(robot, "#mailInput-projectDescription", "Apache Demo is a distributed key-value store.");
        send(robot, 3);

        assertThat(server.tree("release/demo")).contains("release/demo/2.5.0/apache-demo-2.5.0-src.tar.gz\n",
                "release/demo/2.5.0/apache-demo-2.5.0-src.tar.gz.asc\n",
                "release/demo/2.5.0/apache-demo-2.5.0-src.tar.gz.sha512\n", "release/demo/2.4.1/")
                .doesNotContain("2.4.0");
        assertThat(server.tree("dev/demo")).isEqualTo("dev/demo/\n");
        assertThat(server.cat("release/demo/2.5.0/apache-demo-2.5.0-src.tar.gz.sha512")).isEqualTo(Files.readString(
                release.resolve("artifacts/2.5.0-rc1/apache-demo-2.5.0-src.tar.gz.sha512")));
        assertThat(Arrays.stream(GREEN_MAIL.getReceivedMessages()).map(m -> {
            try {
                return m.getSubject();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).distinct()).as("one mail each (the announcement reaches two lists)").containsExactly("[DISCUSS] Release plan for Apache Demo 2.5.0", "[VOTE] Release Apache Demo 2.5.0-rc1",
                "[RESULT][VOTE] Release Apache Demo 2.5.0-rc1", "[ANNOUNCE] Apache Demo 2.5.0 released");
        assertThat(repo.git("rev-parse", "2.5.0-rc1^{commit}")).isEqualTo(repo.git("rev-parse", "2.5"));
        for (Path root : new Path[] {release, tmp.resolve("home")}) {
            try (java.util.stream.Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertThat(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1))
                            .as("no secret in " + f).doesNotContain(PASS, SMTP_PASSWORD, DistServer.RM_PASSWORD);
                }
            }
        }
    }

    /** The [VOTE] thread as lists.apache.org gives it: the call and three binding +1 from the PMC. */
    private static String thread(String voteId, String subject) {
        DateTimeFormatter date = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT)
                .withZone(ZoneOffset.UTC);
        DateTimeFormatter from = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ROOT)
                .withZone(ZoneOffset.UTC);
        StringBuilder b = new StringBuilder();
        Instant at = Instant.now();
        b.append("From MAILER-DAEMON ").append(from.format(at)).append('\n')
                .append("Message-ID: ").append(voteId).append('\n')
                .append("Date: ").append(date.format(at)).append('\n')
                .append("From: Rita Manager <rm@apache.org>\nTo: dev@demo.apache.org\nSubject: ").append(subject)
                .append("\n\nPlease vote.\n\n");
        String[] voters = {"alice", "bob", "carol"};
        for (int i = 0; i < voters.length; i++) {
            Instant when = at.plus(Duration.ofHours(10 + i));
            b.append("From ").append(voters[i]).append("@apache.org ").append(from.format(when)).append('\n')
                    .append("Message-ID: <reply-").append(i).append("@apache.org>\n")
                    .append("In-Reply-To: ").append(voteId).append('\n')
                    .append("References: ").append(voteId).append('\n')
                    .append("Date: ").append(date.format(when)).append('\n')
                    .append("From: ").append(voters[i]).append(" <").append(voters[i]).append("@apache.org>\n")
                    .append("To: dev@demo.apache.org\nSubject: Re: ").append(subject)
                    .append("\n\n+1 (binding)\n\nChecked signatures and checksums.\n\n");
        }
        return b.toString();
    }
}
