package io.releasepilot.gui.tally;

import io.releasepilot.app.Composition;
import io.releasepilot.core.AppHome;
import io.releasepilot.gui.StubDialogs;
import io.releasepilot.gui.common.Resources;
import io.releasepilot.gui.common.Styles;
import io.releasepilot.release.MailOutputs;
import io.releasepilot.release.RecordService;
import io.releasepilot.release.ReleaseProfile;
import io.releasepilot.release.ReleaseStore;
import io.releasepilot.release.StepId;
import io.releasepilot.release.StepState;
import io.releasepilot.release.TallyOutputs;
import io.releasepilot.release.Workspace;
import io.releasepilot.vote.TallySettings;
import io.releasepilot.vote.VoteValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
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
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.releasepilot.testing.WizardRobot.await;
import static io.releasepilot.testing.WizardRobot.text;
import static org.assertj.core.api.Assertions.assertThat;

/** The Tally step in the wizard: import the thread and the roster, count, read the table, decide a flag. */
@ExtendWith(ApplicationExtension.class)
class TallyStepGuiTest {
    static final Path VOTE = Path.of("src/test/resources/io/releasepilot/vote");
    @TempDir
    static Path tmp;
    static Path release;
    private final StubDialogs dialogs = new StubDialogs();

    @BeforeAll
    static void aReleaseWhoseVoteMailWasSent() throws Exception {
        release = tmp.resolve("foo-1.2.0");
        Workspace ws = new ReleaseStore().create(release, ReleaseProfile.withDefaults("foo", false, "1.2.0")
                .withReleaseManager("Jane Release", "jrelease", "jrelease@apache.org"));
        new RecordService(ws).done(StepId.VOTE, new MailOutputs("vote", "<CAJ-call-foo-120-rc1@mail.gmail.com>",
                "[VOTE] Release Apache Foo 1.2.0 RC1", "jrelease@apache.org", List.of("dev@foo.apache.org"),
                Instant.parse("2026-11-16T10:00:00Z"), Instant.parse("2026-11-19T10:00:00Z"), "mail/vote.eml", true));
    }

    @Start
    void start(Stage stage) {
        Scene scene = new Scene(Composition.mainWindow(new AppHome(tmp.resolve("home")), dialogs, () -> { }, 2048),
                1400, 1100);
        scene.getStylesheets().add(Resources.url(Styles.STYLESHEET));
        stage.setScene(scene);
        stage.show();
    }


    @Test
    void countsTheThreadShowsEveryLineAndRecordsTheRmsDecision(FxRobot robot) throws Exception {
        dialogs.directories.add(release);
        robot.clickOn("#openReleaseButton");
        io.releasepilot.testing.WizardRobot.openStep(robot, "Count the vote");
        assertThat(text(robot, "#tallyStatus")).isEqualTo("Counting the replies to \"[VOTE] Release Apache Foo 1.2.0 RC1\".");

        dialogs.files.add(VOTE.resolve("foo-rc1.mbox").toAbsolutePath());
        robot.clickOn("#tallyChooseSource");
        dialogs.files.add(VOTE.resolve("roster.txt").toAbsolutePath());
        robot.clickOn("#tallyChooseRoster");
        robot.clickOn("#tallyAliases").write("zoe.mueller@gmail.com = zoe");
        robot.clickOn("#tallyCount");
        await(robot, "#tallyStatus", "Counted and recorded in the release.");

        TableView<?> voters = robot.lookup("#tallyVoters").queryAs(TableView.class);
        assertThat(voters.getItems()).hasSize(8);
        assertThat(voters.getItems().get(2)).isEqualTo(new TallyViewModel.VoterRow("Bob Binding", "bob@apache.org", "+1",
                "binding", "+1 (binding)", "2026-11-17 09:30 UTC", "-1 (2026-11-16 14:02 UTC)"));
        assertThat(text(robot, "#tallyTotals")).isEqualTo("Binding: +1 6, 0 0, -1 0.  Non-binding: +1 2, 0 0, -1 0.");
        assertThat(text(robot, "#tallyVerdict")).isEqualTo("Passed with 6 binding +1, 0 binding 0 and 0 binding -1.");

        TableView<?> flags = robot.lookup("#tallyFlags").queryAs(TableView.class);
        assertThat(flags.getItems()).hasSize(4);
        int frank = 1;
        assertThat(((TallyViewModel.FlagRow) flags.getItems().get(frank)).reason()).isEqualTo("conditional vote");
        robot.interact(() -> flags.getSelectionModel().select(frank));
        robot.clickOn("#tallyWhy").write("Frank's key is in KEYS since 18 Nov");
        robot.clickOn("#tallyDecide");
        await(robot, "#tallyVerdict", "Passed with 7 binding +1");

        var record = new RecordService(new Workspace(release)).load();
        assertThat(record.step(StepId.TALLY).status()).isEqualTo(StepState.DONE);
        assertThat(record.step(StepId.TALLY).outputs(TallyOutputs.class).binding()).isEqualTo(new TallyOutputs.Counts(7, 0, 0));
        TallySettings s = record.settings(StepId.TALLY, TallySettings.class);
        assertThat(s.aliases()).containsEntry("zoe.mueller@gmail.com", "zoe");
        assertThat(s.decisions()).singleElement().satisfies(d -> {
            assertThat(d.vote()).isEqualTo(VoteValue.PLUS_ONE);
            assertThat(d.by()).isEqualTo("Jane Release");
            assertThat(d.why()).isEqualTo("Frank's key is in KEYS since 18 Nov");
        });
        assertThat(((TallyViewModel.FlagRow) flags.getItems().get(frank)).decision())
                .isEqualTo("decided by Jane Release: +1 (Frank's key is in KEYS since 18 Nov)");

        // Entered again, it says what is recorded, not "Counting the replies to …".
        Node summary = robot.lookup("#stepList .list-cell").queryAll().stream()
                .filter(n -> n instanceof ListCell<?> c && c.getText() != null && c.getText().endsWith("Summary"))
                .findFirst().orElseThrow();
        robot.clickOn(summary);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup("#stepList .list-cell").queryAll().stream()
                .filter(n -> n instanceof ListCell<?> c && c.getText() != null && c.getText().endsWith("Count the vote"))
                .findFirst().orElseThrow());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#tallyStatus")).isEqualTo("Counted at " + io.releasepilot.release.RecordEvaluator
                .time(record.step(StepId.TALLY).at()) + " and recorded in the release: the vote passed. Next: the"
                + " RESULT mail (Result mail step).");

        robot.clickOn("#tallyIpmcRound");
        assertThat(text(robot, "#tallyStatus")).isEqualTo("No VOTE mail is recorded for this release; the thread must"
                + " hold exactly one [VOTE] mail.");
    }
}
