package io.releasepilot.app;

import io.releasepilot.core.AppHome;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.gui.StubDialogs;
import io.releasepilot.gui.common.ErrorPresenter;
import io.releasepilot.gui.common.Resources;
import io.releasepilot.gui.common.Styles;
import io.releasepilot.settings.Settings;
import io.releasepilot.settings.SettingsStore;
import io.releasepilot.testing.GitFixture;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The start screen refuses a wrong folder for a new release, and offers to forget a release that is gone. */
@ExtendWith(ApplicationExtension.class)
class StartScreenGuiTest {
    @TempDir
    static Path tmp;
    static Path home;
    private final StubDialogs dialogs = new StubDialogs();

    @Start
    void start(Stage stage) throws Exception {
        home = tmp.resolve("home-" + System.nanoTime());
        Path gone = tmp.resolve("gone-release");
        new SettingsStore(new AppHome(home)).save(Settings.empty().withRecent(gone.toString()));
        Scene scene = new Scene(Composition.mainWindow(new AppHome(home), dialogs, () -> { }), 1100, 760);
        scene.getStylesheets().add(Resources.url(Styles.STYLESHEET));
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aFolderInsideAGitWorkingTreeIsRefusedWithTheReason(FxRobot robot) throws Exception {
        GitFixture repo = new GitFixture(tmp.resolve("repo"));
        Path inside = Files.createDirectories(repo.dir().resolve("release"));
        dialogs.directories.add(inside);
        robot.clickOn("#newReleaseButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.errors).containsExactly("This folder cannot hold a new release: " + inside
                + " is inside the git working tree " + repo.dir() + ": release.json, the artifacts and the mail drafts"
                + " would land beside the project's sources, where they could be committed." + System.lineSeparator()
                + "Choose an empty folder outside the repository, e.g. ~/releases/<project>-<version>.");
        assertThat(dialogs.errorDetails).containsExactly("");
        assertThat(robot.lookup("#newReleaseButton").tryQuery()).as("still on the start screen").isPresent();
        assertThat(inside.resolve("release.json")).doesNotExist();
    }

    @Test
    void aNonEmptyFolderIsRefusedWithWhatItHolds(FxRobot robot) throws Exception {
        Path full = Files.createDirectories(tmp.resolve("full"));
        Files.writeString(full.resolve("notes.txt"), "mine");
        dialogs.directories.add(full);
        robot.clickOn("#newReleaseButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.errors).containsExactly("This folder cannot hold a new release: " + full
                + " is not empty (it holds notes.txt)." + System.lineSeparator() + "Choose an empty folder, or make"
                + " a new one: Release Pilot puts release.json, artifacts/, mail/ and logs/ in it.");
    }

    @Test
    void aRecentReleaseThatIsGoneCanBeRemovedFromRecent(FxRobot robot) throws Exception {
        Path gone = tmp.resolve("gone-release");
        assertThat(robot.lookup("#recentList").queryListView().getItems()).hasSize(1);
        dialogs.confirmAnswer = true;
        dialogs.directories.add(gone);
        robot.clickOn("#openReleaseButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.errors).hasSize(1).allMatch(e -> e.startsWith("Could not open the release: "));
        assertThat(dialogs.errorDetails.get(0)).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(new SettingsStore(new AppHome(home)).loadOrEmpty().recentWorkspaces()).isEmpty();
        assertThat(robot.lookup("#recentList").queryListView().getItems()).isEmpty();
    }

    @Test
    void anUnexpectedErrorStillShowsItsStackTraceForAReport() {
        StubDialogs stub = new StubDialogs();
        new ErrorPresenter(stub).show("Oops", new IllegalStateException("bug"));
        assertThat(stub.errorDetails.get(0)).contains("java.lang.IllegalStateException: bug").contains("\tat ");
        new ErrorPresenter(stub).show("Expected", new ReleasePilotException("Bad input.", "Fix it.",
                new java.io.IOException("disk full")));
        assertThat(stub.errorDetails.get(1)).isEqualTo("Caused by: disk full");
    }
}
