package io.releasepilot.gui.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.releasepilot.app.Composition;
import io.releasepilot.cli.CliRun;
import io.releasepilot.core.AppHome;
import io.releasepilot.core.Json;
import io.releasepilot.gui.StubDialogs;
import io.releasepilot.gui.common.Resources;
import io.releasepilot.gui.common.Styles;
import io.releasepilot.release.KeyOutputs;
import io.releasepilot.release.RecordService;
import io.releasepilot.release.StepId;
import io.releasepilot.release.TimelineRow;
import io.releasepilot.release.Workspace;
import io.releasepilot.testing.WizardRobot;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
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
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Timeline in the window: the planned RC date dates every step, each row shows its step's state from the
 * record (the key is done), and a row of one's own is added, marked done and removed; a step's row cannot be.
 */
@ExtendWith(ApplicationExtension.class)
class TimelineStepGuiTest {
    static final String FPR = "0123456789ABCDEF0123456789ABCDEF01234567";
    @TempDir
    static Path tmp;
    static Path release;
    private final StubDialogs dialogs = new StubDialogs();

    @BeforeAll
    static void aReleaseWithItsKeyChosen() throws Exception {
        release = tmp.resolve("release");
        CliRun r = CliRun.run("profile", "init", "--dir", release.toString(), "--project", "demo", "--version",
                "1.0.0", "--name", "Jane Doe", "--apache-id", "jdoe", "--email", "jdoe@apache.org", "--home",
                tmp.resolve("home").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        new RecordService(new Workspace(release)).done(StepId.KEY, new KeyOutputs(FPR, "built-in",
                "Jane Doe <jdoe@apache.org>"));
    }

    @Start
    void start(Stage stage) {
        Scene scene = new Scene(Composition.mainWindow(new AppHome(tmp.resolve("home")), dialogs, () -> { }, 2048),
                1200, 1000);
        scene.getStylesheets().add(Resources.url(Styles.STYLESHEET));
        stage.setScene(scene);
        stage.show();
    }

    @SuppressWarnings("unchecked")
    private static List<TimelineRow> rows(FxRobot robot) {
        return List.copyOf(robot.lookup("#timelineRows").queryAs(TableView.class).getItems());
    }

    private static TimelineRow row(FxRobot robot, String what) {
        return rows(robot).stream().filter(r -> r.what().startsWith(what)).findFirst().orElse(null);
    }

    private static void awaitRow(FxRobot robot, String what, java.util.function.Predicate<TimelineRow> test)
            throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            TimelineRow r = row(robot, what);
            return test.test(r);
        });
    }

    @SuppressWarnings("unchecked")
    private static void select(FxRobot robot, String what) {
        TableView<TimelineRow> table = robot.lookup("#timelineRows").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().select(row(robot, what)));
    }

    @Test
    void theRcDateDatesEveryStepAndOwnRowsAreAddedMarkedAndRemoved(FxRobot robot) throws Exception {
        dialogs.directories.add(release);
        robot.clickOn("#openReleaseButton");
        WizardRobot.openStep(robot, "Timeline");
        WizardRobot.await(robot, "#timelineStatus", "No RC date is planned yet");
        assertThat(rows(robot)).isEmpty();

        robot.clickOn("#timelineRcDate").write("2099-01-15");
        robot.clickOn("#timelineSetDate");
        WizardRobot.await(robot, "#timelineStatus", "Planned RC date set to 2099-01-15.");
        awaitRow(robot, "Send the release plan", r -> r != null);
        TimelineRow plan = row(robot, "Send the release plan");
        assertThat(plan.number()).isEqualTo(1);
        assertThat(plan.date()).hasToString("2099-01-01");
        assertThat(plan.offset()).isEqualTo("T-14");
        assertThat(plan.state()).isEqualTo(TimelineRow.State.TO_DO);
        TimelineRow key = row(robot, "Have your signing key");
        assertThat(key.offset()).isEqualTo("T-10");
        assertThat(key.state()).as("tied to the recorded key step").isEqualTo(TimelineRow.State.DONE);
        assertThat(row(robot, "Send the [VOTE] mail").date()).hasToString("2099-01-15");

        select(robot, "Send the release plan");
        assertThat(robot.lookup("#timelineRemove").queryButton().isDisabled()).as("a step's row stays").isTrue();

        robot.clickOn("#timelineNewDate").write("2099-01-12");
        robot.clickOn("#timelineNewText").write("Ask infra about the download page");
        robot.clickOn("#timelineAdd");
        awaitRow(robot, "Ask infra", r -> r != null && r.state() == TimelineRow.State.TO_DO);
        assertThat(row(robot, "Ask infra").offset()).isEqualTo("T-3");

        select(robot, "Ask infra");
        robot.clickOn("#timelineToggleDone");
        awaitRow(robot, "Ask infra", r -> r != null && r.state() == TimelineRow.State.DONE);
        JsonNode file = Json.mapper().readTree(release.resolve("release.json").toFile());
        assertThat(file.at("/settings/timeline/rcDate").asText()).isEqualTo("2099-01-15");
        assertThat(file.at("/settings/timeline/notes/0/text").asText()).isEqualTo("Ask infra about the download page");
        assertThat(file.at("/settings/timeline/notes/0/done").asBoolean()).isTrue();

        select(robot, "Ask infra");
        robot.clickOn("#timelineRemove");
        awaitRow(robot, "Ask infra", r -> r == null);
        assertThat(Json.mapper().readTree(release.resolve("release.json").toFile())
                .at("/settings/timeline/notes").size()).isZero();
    }
}
