package io.releasepilot.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.releasepilot.core.AppHome;
import io.releasepilot.core.Json;
import io.releasepilot.gui.StubDialogs;
import io.releasepilot.gui.common.Resources;
import io.releasepilot.gui.common.Styles;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
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

/** Creates a release through the real controls, headless, and reads back release.json. */
@ExtendWith(ApplicationExtension.class)
class ProfileWizardGuiTest {
    @TempDir
    static Path tmp;
    private final StubDialogs dialogs = new StubDialogs();

    @Start
    void start(Stage stage) {
        Scene scene = new Scene(Composition.mainWindow(new AppHome(tmp.resolve("home")), dialogs, () -> { }), 1100, 900);
        scene.getStylesheets().add(Resources.url(Styles.STYLESHEET));
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void createsAReleaseThroughTheProfileStep(FxRobot robot) throws Exception {
        Path release = tmp.resolve("kvrocks-2.4.0");
        Files.createDirectories(release);
        dialogs.directories.add(release);

        robot.clickOn("#newReleaseButton");
        assertThat(robot.lookup("#stepList").queryAs(ListView.class).getItems().stream()
                .map(s -> ((io.releasepilot.gui.wizard.WizardStep) s).title()).toList())
                .as("the release's flow, without the podling round").containsExactly("Release profile",
                        "Release plan", "Signing key", "Release notes", "Release branch", "Source release", "Sign", "Check", "Stage",
                        "Vote mail", "Count the vote", "Result mail", "Publish", "Prune", "Announcement",
                        "Next version", "Timeline", "Summary");
        Button save = robot.lookup("#saveProfile").queryButton();
        assertThat(save.isDisabled()).as("an empty profile cannot be saved").isTrue();

        type(robot, "PROJECT_ID", "kvrocks");
        type(robot, "VERSION", "2.4");
        assertThat(robot.lookup("#error_VERSION").queryAs(Label.class).getText())
                .contains("is not a version of the form x.y.z").contains("Example: 2.4.0");
        assertThat(save.isDisabled()).isTrue();

        type(robot, "VERSION", "2.4.0");
        type(robot, "RM_NAME", "Jane Doe");
        type(robot, "RM_APACHE_ID", "jdoe");
        type(robot, "RM_EMAIL", "jdoe@apache.org");
        assertThat(robot.lookup("#error_VERSION").queryAs(Label.class).isVisible()).isFalse();
        assertThat(robot.lookup("#profile_DIST_DEV_URL").queryAs(TextField.class).getText())
                .as("the dist URL follows the project id")
                .isEqualTo("https://dist.apache.org/repos/dist/dev/kvrocks/");
        assertThat(robot.lookup("#preview_artifact").queryAs(Label.class).getText())
                .isEqualTo("apache-kvrocks-2.4.0-src.tar.gz");
        assertThat(robot.lookup("#preview_rcTag").queryAs(Label.class).getText()).isEqualTo("v2.4.0-rc1");

        robot.clickOn("#profile_PODLING");
        assertThat(robot.lookup("#preview_artifact").queryAs(Label.class).getText())
                .isEqualTo("apache-kvrocks-2.4.0-incubating-src.tar.gz");
        robot.clickOn("#profile_PODLING");

        robot.clickOn("#saveProfile");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(dialogs.errors).isEmpty();
        JsonNode json = Json.mapper().readTree(release.resolve("release.json").toFile());
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(2);
        assertThat(json.at("/profile/projectId").asText()).isEqualTo("kvrocks");
        assertThat(json.at("/profile/version").asText()).isEqualTo("2.4.0");
        assertThat(json.at("/profile/podling").asBoolean()).isFalse();
        assertThat(json.at("/profile/rmApacheId").asText()).isEqualTo("jdoe");
        assertThat(json.at("/candidates/0/steps/profile/status").asText()).isEqualTo("DONE");
        assertThat(robot.lookup("#profileState").queryAs(Label.class).getText()).startsWith("Saved.");
        assertThat(save.isDisabled()).as("nothing left to save").isTrue();
        assertThat(Files.readString(tmp.resolve("home/settings.json"))).contains(release.toString());
    }

    private static void type(FxRobot robot, String field, String text) {
        TextField input = robot.lookup("#profile_" + field).queryAs(TextField.class);
        robot.interact(input::clear);
        robot.interact(input::requestFocus);
        robot.write(text);
    }
}
