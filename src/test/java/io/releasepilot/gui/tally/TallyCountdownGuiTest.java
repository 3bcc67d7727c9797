package io.releasepilot.gui.tally;

import io.releasepilot.core.AppHome;
import io.releasepilot.gui.StubDialogs;
import io.releasepilot.gui.wizard.ReleaseSession;
import io.releasepilot.release.RecordService;
import io.releasepilot.release.ReleaseProfile;
import io.releasepilot.release.ReleaseStore;
import io.releasepilot.release.StepId;
import io.releasepilot.release.StepState;
import io.releasepilot.release.Workspace;
import io.releasepilot.settings.SettingsStore;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** While the vote is open the step counts down to its close and records the tally as waiting. */
@ExtendWith(ApplicationExtension.class)
class TallyCountdownGuiTest {
    @TempDir
    static Path tmp;
    static Path release;
    final StubDialogs dialogs = new StubDialogs();
    TallyStep step;

    @Start
    void start(Stage stage) throws Exception {
        release = tmp.resolve("foo");
        new ReleaseStore().create(release, ReleaseProfile.withDefaults("foo", false, "1.2.0")
                .withReleaseManager("Jane Release", "jrelease", "jrelease@apache.org"));
        SettingsStore settings = new SettingsStore(new AppHome(tmp.resolve("home")));
        ReleaseSession session = new ReleaseSession(new ReleaseStore(), settings, settings.loadOrEmpty());
        session.open(release);
        step = new TallyStep(session, dialogs, Clock.fixed(Instant.parse("2026-11-18T00:00:00Z"), ZoneOffset.UTC));
        stage.setScene(new Scene(new StackPane(step.view()), 1400, 1000));
        stage.show();
        step.onEnter();
    }

    @Test
    void anOpenVoteShowsTheCountdownAndIsRecordedAsWaiting(FxRobot robot) throws Exception {
        robot.clickOn("#tallySource").write(Path.of("src/test/resources/io/releasepilot/vote/foo-rc1.mbox").toAbsolutePath().toString());
        robot.clickOn("#tallyRoster").write(Path.of("src/test/resources/io/releasepilot/vote/roster.txt").toAbsolutePath().toString());
        robot.clickOn("#tallyCount");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> robot.lookup("#tallyStatus").queryAs(Label.class).getText().startsWith("Counted and recorded as waiting"));

        assertThat(robot.lookup("#tallyCountdown").queryAs(Label.class).getText())
                .isEqualTo("The vote is open: 1 d 10 h 0 min 0 s left (closes at 2026-11-19 10:00 UTC).");
        assertThat(robot.lookup("#tallyVerdict").queryAs(Label.class).getText())
                .isEqualTo("Cannot close yet, closes at 2026-11-19 10:00 UTC (72 hours after the VOTE mail).");
        assertThat(step.completeProperty().get()).isFalse();
        var rec = new RecordService(new Workspace(release)).load().step(StepId.TALLY);
        assertThat(rec.status()).isEqualTo(StepState.WAITING);
        assertThat(rec.until()).isEqualTo(Instant.parse("2026-11-19T10:00:00Z"));
    }
}
