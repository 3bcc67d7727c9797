package io.releasepilot.app;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.releasepilot.core.AppHome;
import io.releasepilot.gui.StubDialogs;
import io.releasepilot.gui.common.Resources;
import io.releasepilot.gui.common.Styles;
import io.releasepilot.mail.SmtpSender;
import io.releasepilot.release.ArtifactRecord;
import io.releasepilot.release.MailOutputs;
import io.releasepilot.release.RecordService;
import io.releasepilot.release.ReleaseProfile;
import io.releasepilot.release.ReleaseRecord;
import io.releasepilot.release.ReleaseStore;
import io.releasepilot.release.SignOutputs;
import io.releasepilot.release.SourceOutputs;
import io.releasepilot.release.StageOutputs;
import io.releasepilot.release.StepId;
import io.releasepilot.release.StepState;
import io.releasepilot.release.Workspace;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The mail steps (Release plan, Vote mail): preview, missing values, Save .eml, Open in mail client and Send to GreenMail. */
@ExtendWith(ApplicationExtension.class)
class MailStepGuiTest {
    static final String PASSWORD = "gui-Smtp-Secret-77";
    static final String COMMIT = "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567";
    static final String FPR = "0123456789ABCDEF0123456789ABCDEF01234567";

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("jdoe@apache.org", "jdoe", PASSWORD));

    @TempDir
    static Path tmp;
    static Path release;
    private final StubDialogs dialogs = new StubDialogs();
    private final List<URI> opened = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void aStagedRelease() throws Exception {
        release = tmp.resolve("release");
        Workspace ws = new ReleaseStore().create(release, ReleaseProfile.withDefaults("demo", false, "1.1.0")
                .withReleaseManager("Jane Doe", "jdoe", "jdoe@apache.org").withSigningKey(FPR));
        RecordService records = new RecordService(ws);
        String tgz = "apache-demo-1.1.0-src.tar.gz";
        String sha = "cd".repeat(64);
        records.done(StepId.SOURCE, new SourceOutputs("v1.1.0-rc1", COMMIT, "artifacts/1.1.0-rc1",
                List.of(new ArtifactRecord(tgz, 100, sha))));
        records.done(StepId.SIGN, new SignOutputs(FPR, "built-in", List.of(new SignOutputs.SignedFile(tgz,
                tgz + ".asc", tgz + ".sha512", sha))));
        records.done(StepId.KEYS_FILE, new io.releasepilot.release.KeysFileOutputs(
                "https://dist.apache.org/repos/dist/release/" + records.load().profile().projectId() + "/KEYS", 7,
                records.load().profile().signingKeyFingerprint()));
        records.done(StepId.STAGE, new StageOutputs("https://dist.apache.org/repos/dist/dev/demo/1.1.0-rc1/", 12,
                List.of(new ArtifactRecord(tgz, 100, sha))));
    }

    @Start
    void start(Stage stage) {
        Scene scene = new Scene(Composition.mainWindow(new AppHome(tmp.resolve("home")), dialogs, () -> { }, 2048,
                new SmtpSender(), opened::add), 1200, 1100);
        scene.getStylesheets().add(Resources.url(Styles.STYLESHEET));
        stage.setScene(scene);
        stage.show();
    }

    private static void step(FxRobot robot, String title) {
        io.releasepilot.testing.WizardRobot.openStep(robot, title);
    }

    private static void type(FxRobot robot, String id, String text) {
        robot.clickOn(id);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write(text);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void previewsSavesOpensAndSendsTheMailsByClickingTheControls(FxRobot robot) throws Exception {
        dialogs.directories.add(release);
        robot.clickOn("#openReleaseButton");
        step(robot, "Vote mail");

        TextArea preview = robot.lookup("#mailPreview").queryAs(TextArea.class);
        assertThat(preview.getText()).startsWith("From: Jane Doe <jdoe@apache.org>\nTo: dev@demo.apache.org\n"
                + "Subject: [VOTE] Release Apache Demo 1.1.0-rc1\n").contains(COMMIT, "v1.1.0-rc1",
                "https://dist.apache.org/repos/dist/dev/demo/1.1.0-rc1/", " UTC");
        assertThat(text(robot, "#mailProblems")).contains("release notes — from the Release notes step");

        assertThat(robot.lookup("#mailKind").tryQuery()).as("one mail per pane: no chooser").isEmpty();
        step(robot, "Release plan");
        assertThat(text(robot, "#mailProblems")).contains("RC date — from you",
                "cherry-pick deadline — from you", "link to the draft release notes — from you");
        assertThat(text(robot, "#mailTemplate")).isEqualTo("Template: built-in plan.txt");
        robot.clickOn("#mailCustomize");
        assertThat(release.resolve("mail/templates/plan.txt")).isRegularFile();
        assertThat(text(robot, "#mailTemplate")).isEqualTo("Template: " + release.resolve("mail/templates/plan.txt"));
        type(robot, "#mailInput-rcDate", "2026-12-01");
        type(robot, "#mailInput-cherryPickDeadline", "2026-11-28");
        type(robot, "#mailInput-draftNotesUrl", "https://example.org/notes");
        assertThat(text(robot, "#mailProblems")).isEqualTo("Ready: every value is filled in.");
        robot.clickOn("#mailSave");
        assertThat(text(robot, "#mailStatus")).startsWith("Saved ");
        try (Stream<Path> files = Files.list(release.resolve("mail"))) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("plan-"));
        }
        robot.clickOn("#mailOpen");
        assertThat(opened).singleElement().asString().startsWith("mailto:dev@demo.apache.org?subject=%5BDISCUSS%5D");

        Files.createDirectories(release.resolve("notes"));
        Files.writeString(release.resolve("notes").resolve("RELEASE-NOTES-1.1.0.md"), "- Better things\n");
        step(robot, "Vote mail");
        assertThat(text(robot, "#mailProblems")).isEqualTo("Ready: every value is filled in.");
        assertThat(text(robot, "#mailStatus")).as("no word left about the plan mail").isEmpty();
        type(robot, "#smtpHost", "127.0.0.1");
        type(robot, "#smtpPort", Integer.toString(GREEN_MAIL.getSmtp().getPort()));
        robot.clickOn("#smtpSecurity");
        robot.clickOn("NONE");
        type(robot, "#smtpUser", "jdoe");
        dialogs.passwords.add(PASSWORD);
        robot.clickOn("#mailSend");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text(robot, "#mailStatus").startsWith("Sent"));

        assertThat(dialogs.confirmations).singleElement().asString().contains("[VOTE] Release Apache Demo 1.1.0-rc1",
                "dev@demo.apache.org", "127.0.0.1");
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(1);
        assertThat((String) GREEN_MAIL.getReceivedMessages()[0].getContent()).contains(COMMIT, "- Better things");
        ReleaseRecord r = new RecordService(new Workspace(release)).load();
        MailOutputs vote = r.outputs(StepId.VOTE, MailOutputs.class);
        assertThat(vote.sent()).isTrue();
        assertThat(vote.messageId()).isEqualTo(GREEN_MAIL.getReceivedMessages()[0].getMessageID());
        assertThat(r.step(StepId.TALLY).status()).isEqualTo(StepState.WAITING);
        assertThat(text(robot, "#mailStatus")).doesNotContain(PASSWORD);
        try (Stream<Path> files = Files.walk(tmp)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString())
                        .doesNotContain(PASSWORD);
            }
        }
    }
}
