package io.releasepilot.app;

import io.releasepilot.core.AppHome;
import io.releasepilot.gui.StubDialogs;
import io.releasepilot.gui.common.Resources;
import io.releasepilot.gui.common.Styles;
import io.releasepilot.release.ReleaseProfile;
import io.releasepilot.release.ReleaseStore;
import io.releasepilot.testing.Clipping;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
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
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** At the window's default size (1100 x 760) no label, button or prompt is cut off, on any step or tab. */
@ExtendWith(ApplicationExtension.class)
class DefaultSizeGuiTest {
    @TempDir
    static Path tmp;
    private final StubDialogs dialogs = new StubDialogs();
    private Scene scene;

    @Start
    void start(Stage stage) {
        scene = new Scene(Composition.mainWindow(new AppHome(tmp.resolve("home")), dialogs, () -> { }), 1100, 760);
        scene.getStylesheets().add(Resources.url(Styles.STYLESHEET));
        stage.setScene(scene);
        stage.show();
    }

    private List<String> clippedOnEveryTab(FxRobot robot) {
        List<String> found = new ArrayList<>();
        WaitForAsyncUtils.waitForFxEvents();
        found.addAll(Clipping.of(scene.getRoot()));
        for (Node n : robot.lookup(".tab-pane").queryAll()) {
            TabPane pane = (TabPane) n;
            if (!pane.isVisible()) {
                continue;
            }
            for (Tab tab : new ArrayList<>(pane.getTabs())) {
                robot.interact(() -> pane.getSelectionModel().select(tab));
                WaitForAsyncUtils.waitForFxEvents();
                found.addAll(Clipping.of(scene.getRoot()).stream().map(s -> tab.getText() + ": " + s).toList());
            }
        }
        return found;
    }

    @Test
    void nothingIsCutOffOnAnyStep(FxRobot robot) throws Exception {
        List<String> clipped = new ArrayList<>(Clipping.of(scene.getRoot()).stream().map(s -> "start: " + s).toList());

        Path empty = tmp.resolve("new-release");
        Files.createDirectories(empty);
        dialogs.directories.add(empty);
        robot.clickOn("#newReleaseButton");
        clipped.addAll(clippedOnEveryTab(robot).stream().map(s -> "new profile: " + s).toList());
        robot.clickOn("#homeButton");

        Path release = tmp.resolve("release");
        new ReleaseStore().create(release, ReleaseProfile.withDefaults("demo", false, "1.0.0")
                .withReleaseManager("Jane Doe", "jdoe", "jdoe@apache.org"));
        dialogs.directories.add(release);
        robot.clickOn("#openReleaseButton");
        int steps = robot.lookup("#stepList").queryListView().getItems().size();
        for (int step = 0; step < steps; step++) {
            int s = step;
            clipped.addAll(clippedOnEveryTab(robot).stream().map(x -> "step " + s + ": " + x).toList());
            if (s + 1 < steps) {
                robot.interact(() -> robot.lookup("#stepList").queryListView().getSelectionModel().select(s + 1));
            }
        }
        assertThat(clipped).isEmpty();
    }
}
