package io.releasepilot.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.releasepilot.core.AppHome;
import io.releasepilot.core.Json;
import io.releasepilot.gui.StubDialogs;
import io.releasepilot.gui.common.Resources;
import io.releasepilot.gui.common.Styles;
import io.releasepilot.mail.SmtpSender;
import io.releasepilot.release.ArtifactRecord;
import io.releasepilot.release.MailOutputs;
import io.releasepilot.release.RecordService;
import io.releasepilot.release.ReleaseProfile;
import io.releasepilot.release.ReleaseStore;
import io.releasepilot.release.SignOutputs;
import io.releasepilot.release.SourceOutputs;
import io.releasepilot.release.StageOutputs;
import io.releasepilot.release.StepId;
import io.releasepilot.release.Workspace;
import io.releasepilot.testing.WizardRobot;
import javafx.scene.Scene;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static io.releasepilot.testing.WizardRobot.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Result mail step when a candidate has to go: [CANCELLED][VOTE] as a reply to the vote, then the next RC
 * started from the same pane; the cancelled RC stays in the record with its reason.
 */
@ExtendWith(ApplicationExtension.class)
class CancelledVoteGuiTest {
    static final String FPR = "0123456789ABCDEF0123456789ABCDEF01234567";
    @TempDir
    static Path tmp;
    static Path release;
    private final StubDialogs dialogs = new StubDialogs();

    @BeforeAll
    static void aCandidateUnderVote() throws Exception {
        release = tmp.resolve("release");
        Workspace ws = new ReleaseStore().create(release, ReleaseProfile.withDefaults("demo", false, "1.1.0")
                .withReleaseManager("Jane Doe", "jdoe", "jdoe@apache.org").withSigningKey(FPR));
        RecordService records = new RecordService(ws);
        String tgz = "apache-demo-1.1.0-src.tar.gz";
        String sha = "cd".repeat(64);
        records.done(StepId.SOURCE, new SourceOutputs("v1.1.0-rc1", "0a".repeat(20), "artifacts/1.1.0-rc1",
                List.of(new ArtifactRecord(tgz, 100, sha))));
        records.done(StepId.SIGN, new SignOutputs(FPR, "built-in", List.of(new SignOutputs.SignedFile(tgz,
                tgz + ".asc", tgz + ".sha512", sha))));
        records.done(StepId.STAGE, new StageOutputs("https://dist.apache.org/repos/dist/dev/demo/1.1.0-rc1/", 12,
                List.of(new ArtifactRecord(tgz, 100, sha))));
        records.done(StepId.VOTE, new MailOutputs("vote", "<vote-rc1@apache.org>", "[VOTE] Release Apache Demo"
                + " 1.1.0-rc1", "jdoe@apache.org", List.of("dev@demo.apache.org"), Instant.parse("2026-11-16T10:00:00Z"),
                Instant.parse("2026-11-19T10:00:00Z"), "mail/vote.eml", true));
    }

    @Start
    void start(Stage stage) {
        Scene scene = new Scene(Composition.mainWindow(new AppHome(tmp.resolve("home")), dialogs, () -> { }, 2048,
                new SmtpSender(), uri -> { }), 1200, 1100);
        scene.getStylesheets().add(Resources.url(Styles.STYLESHEET));
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aCancelledVoteIsAnsweredAndTheNextCandidateStartedFromTheResultStep(FxRobot robot) throws Exception {
        dialogs.directories.add(release);
        robot.clickOn("#openReleaseButton");
        WizardRobot.openStep(robot, "Result mail");
        assertThat(robot.lookup("#mailNextRc").queryButton().isVisible()).as("no cancel yet").isFalse();

        robot.clickOn("#mailKind");
        robot.clickOn("[CANCELLED][VOTE] on the dev list");
        robot.clickOn("#mailInput-cancelReason").write("LICENSE misses the bundled font");
        robot.clickOn("#mailInput-nextRcChanges").write("LICENSE lists the font");
        await(robot, "#mailProblems", "Ready: every value is filled in.");
        assertThat(robot.lookup("#mailPreview").queryAs(TextArea.class).getText())
                .contains("Subject: [CANCELLED][VOTE] Release Apache Demo 1.1.0-rc1", "In-Reply-To: <vote-rc1@apache.org>",
                        "Release candidate 2 will change:\n  LICENSE lists the font");
        robot.clickOn("#mailSave");
        await(robot, "#mailStatus", "Saved ");
        assertThat(robot.lookup("#mailNextRc").queryButton().isVisible()).isTrue();

        robot.clickOn("#mailNextRc");
        await(robot, "#mailStatus", "RC 2 started.");
        assertThat(dialogs.confirmations).anySatisfy(c -> assertThat(c).startsWith("Start the next release"
                + " candidate?: The vote was cancelled. Start RC 2?"));
        JsonNode file = Json.mapper().readTree(release.resolve("release.json").toFile());
        assertThat(file.at("/profile/rcNumber").asInt()).isEqualTo(2);
        assertThat(file.at("/candidates/0/endedBecause").asText()).isEqualTo("vote cancelled: LICENSE misses the"
                + " bundled font");
        assertThat(file.at("/candidates/1/rc").asInt()).isEqualTo(2);
        assertThat(robot.lookup("#mailNextRc").queryButton().isVisible()).isFalse();
    }
}
