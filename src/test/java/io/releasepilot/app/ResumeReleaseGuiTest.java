package io.releasepilot.app;

import io.releasepilot.core.AppHome;
import io.releasepilot.gui.StubDialogs;
import io.releasepilot.gui.common.Resources;
import io.releasepilot.gui.common.Styles;
import io.releasepilot.gui.wizard.WizardStep;
import io.releasepilot.release.ArtifactRecord;
import io.releasepilot.release.KeyOutputs;
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
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A podling's release whose vote is open: the window is closed (here: thrown away, as a killed process leaves
 * it) while the vote count is shown, and a new window opened on the same release shows the same step, the vote
 * still waiting, and the countdown running on. The podling round is in the step list.
 */
@ExtendWith(ApplicationExtension.class)
class ResumeReleaseGuiTest {
    static final String FPR = "0123456789ABCDEF0123456789ABCDEF01234567";
    @TempDir
    static Path tmp;
    static Path release;
    static Instant closesAt;
    private final StubDialogs dialogs = new StubDialogs();
    private Stage stage;

    @BeforeAll
    static void aPodlingReleaseWhoseVoteIsOpen() throws Exception {
        release = tmp.resolve("release");
        Workspace ws = new ReleaseStore().create(release, ReleaseProfile.withDefaults("demo", true, "1.1.0")
                .withReleaseManager("Jane Doe", "jdoe", "jdoe@apache.org").withSigningKey(FPR));
        RecordService records = new RecordService(ws);
        String tgz = "apache-demo-1.1.0-incubating-src.tar.gz";
        Path folder = java.nio.file.Files.createDirectories(release.resolve("artifacts/1.1.0-rc1"));
        byte[] bytes = "an archive".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.nio.file.Files.write(folder.resolve(tgz), bytes);
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-512")
                .digest(bytes));
        java.nio.file.Files.writeString(folder.resolve(tgz + ".sha512"), sha + "  " + tgz + "\n");
        java.nio.file.Files.writeString(folder.resolve(tgz + ".asc"), "a signature\n");
        records.done(StepId.KEY, new KeyOutputs(FPR, "built-in", "Jane Doe <jdoe@apache.org>"));
        records.done(StepId.SOURCE, new SourceOutputs("v1.1.0-rc1", "0a".repeat(20), "artifacts/1.1.0-rc1",
                List.of(new ArtifactRecord(tgz, bytes.length, sha))));
        records.done(StepId.SIGN, new SignOutputs(FPR, "built-in", List.of(new SignOutputs.SignedFile(tgz,
                tgz + ".asc", tgz + ".sha512", sha))));
        records.done(StepId.STAGE, new StageOutputs("https://dist.apache.org/repos/dist/dev/incubator/demo/1.1.0-rc1/",
                12, List.of(new ArtifactRecord(tgz, bytes.length, sha))));
        closesAt = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);
        records.done(StepId.VOTE, new MailOutputs("vote", "<vote@apache.org>", "[VOTE] Release Apache Demo"
                + " (incubating) 1.1.0-rc1", "jdoe@apache.org", List.of("dev@demo.apache.org"), Instant.now(),
                closesAt, "mail/vote.eml", true));
        records.waiting(StepId.TALLY, closesAt, null);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(window(), 1200, 1000));
        stage.getScene().getStylesheets().add(Resources.url(Styles.STYLESHEET));
        stage.show();
    }

    /** A new window, as a freshly started app makes it: its own session, the settings read from disk. */
    private javafx.scene.Parent window() {
        return Composition.mainWindow(new AppHome(tmp.resolve("home")), dialogs, () -> { }, 2048);
    }

    private static String selectedStep(FxRobot robot) {
        Object item = robot.lookup("#stepList").queryAs(ListView.class).getSelectionModel().getSelectedItem();
        return item instanceof WizardStep s ? s.title() : "";
    }

    @Test
    void aWindowClosedWhileTheVoteIsOpenReopensAtTheCountWithTheCountdownRunning(FxRobot robot) throws Exception {
        dialogs.directories.add(release);
        robot.clickOn("#openReleaseButton");
        List<String> titles = robot.lookup("#stepList").queryAs(ListView.class).getItems().stream()
                .map(s -> ((WizardStep) s).title()).toList();
        assertThat(titles).containsSubsequence("Result mail", "Incubator vote mail", "Count the Incubator vote",
                "Incubator result mail", "Publish");
        WizardRobot.openStep(robot, "Count the vote");
        String closes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC).format(closesAt);
        WizardRobot.await(robot, "#tallyCountdown", "The vote is open: 1 d 23 h ");
        assertThat(WizardRobot.text(robot, "#tallyCountdown")).endsWith("left (closes at " + closes + " UTC).");

        robot.interact(() -> stage.getScene().setRoot(window())); // the old window is gone, unsaved
        assertThat(robot.lookup("#recentList").queryListView().getItems()).containsExactly(release.toString());
        robot.doubleClickOn(release.toString());

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> selectedStep(robot).equals("Count the vote"));
        WizardRobot.await(robot, "#stepBanner", "Waiting until " + closes);
        WizardRobot.await(robot, "#tallyCountdown", "The vote is open: 1 d 23 h ");
        String first = WizardRobot.text(robot, "#tallyCountdown");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !WizardRobot.text(robot, "#tallyCountdown").equals(first));
        assertThat(WizardRobot.text(robot, "#tallyCountdown")).startsWith("The vote is open: 1 d 23 h ")
                .endsWith("left (closes at " + closes + " UTC).");
    }
}
