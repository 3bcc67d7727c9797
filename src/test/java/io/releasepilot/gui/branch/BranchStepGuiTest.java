package io.releasepilot.gui.branch;

import com.fasterxml.jackson.databind.JsonNode;
import io.releasepilot.app.Composition;
import io.releasepilot.cli.CliRun;
import io.releasepilot.core.AppHome;
import io.releasepilot.core.Json;
import io.releasepilot.gui.StubDialogs;
import io.releasepilot.gui.common.Resources;
import io.releasepilot.gui.common.Styles;
import io.releasepilot.testing.GitFixture;
import io.releasepilot.testing.WizardRobot;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Release branch step in the window, on a real git repository: a feature release's x.y branch is cut from
 * the main line after a preview; a patch release shows its existing branch and records it, creating nothing.
 */
@ExtendWith(ApplicationExtension.class)
class BranchStepGuiTest {
    @TempDir
    static Path tmp;
    static GitFixture project;
    static String mainHead;
    static String branchHead;
    private final StubDialogs dialogs = new StubDialogs();

    @BeforeAll
    static void aRepositoryWithAnOldReleaseBranch() throws Exception {
        project = new GitFixture(tmp.resolve("repo"));
        project.write("README", "demo\n");
        project.commit("Start");
        project.git("branch", "2.4");
        branchHead = project.git("rev-parse", "2.4");
        project.write("README", "demo, newer\n");
        mainHead = project.commit("On the main line");
    }

    static Path release(String name, String version) {
        Path dir = tmp.resolve(name);
        CliRun r = CliRun.run("profile", "init", "--dir", dir.toString(), "--project", "demo", "--version", version,
                "--repo", project.dir().toString(), "--name", "Jane Doe", "--apache-id", "jdoe", "--email",
                "jdoe@apache.org", "--home", tmp.resolve("home").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        return dir;
    }

    @Start
    void start(Stage stage) {
        Scene scene = new Scene(Composition.mainWindow(new AppHome(tmp.resolve("home")), dialogs, () -> { }, 2048),
                1200, 1000);
        scene.getStylesheets().add(Resources.url(Styles.STYLESHEET));
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aFeatureReleaseCutsItsBranchFromTheMainLineAfterThePreview(FxRobot robot) throws Exception {
        Path release = release("feature", "2.5.0");
        dialogs.directories.add(release);
        robot.clickOn("#openReleaseButton");
        WizardRobot.openStep(robot, "Release branch");

        WizardRobot.await(robot, "#branchStatus", "Check what will happen");
        assertThat(WizardRobot.text(robot, "#branchPlan")).isEqualTo("Cut the release branch 2.5 from main at "
                + mainHead.substring(0, 12) + " (a feature release, 2.5.0). Your working tree and current branch are"
                + " not touched; nothing is pushed.");
        assertThat(project.git("branch", "--list", "2.5")).as("nothing created before the click").isEmpty();
        assertThat(robot.lookup("#branchApply").queryButton().getText()).isEqualTo("Cut the branch");

        robot.clickOn("#branchApply");
        WizardRobot.await(robot, "#branchStatus", "Done.");
        assertThat(project.git("rev-parse", "2.5")).isEqualTo(mainHead);
        assertThat(project.git("symbolic-ref", "--short", "HEAD")).isEqualTo("main");
        assertThat(WizardRobot.text(robot, "#branchResult")).isEqualTo("Created 2.5 at " + mainHead.substring(0, 12)
                + " from main, and recorded in the release.");
        JsonNode file = Json.mapper().readTree(release.resolve("release.json").toFile());
        assertThat(file.at("/candidates/0/steps/branch/status").asText()).isEqualTo("DONE");
        assertThat(file.at("/candidates/0/steps/branch/outputs/commitId").asText()).isEqualTo(mainHead);
    }

    @Test
    void aPatchReleaseShowsItsExistingBranchAndCreatesNothing(FxRobot robot) throws Exception {
        Path release = release("patch", "2.4.1");
        dialogs.directories.add(release);
        robot.clickOn("#openReleaseButton");
        WizardRobot.openStep(robot, "Release branch");

        WizardRobot.await(robot, "#branchStatus", "Check what will happen");
        assertThat(WizardRobot.text(robot, "#branchPlan")).isEqualTo("A patch release is made on its branch: use 2.4"
                + " at " + branchHead.substring(0, 12) + "; nothing is created.");
        assertThat(robot.lookup("#branchApply").queryButton().getText()).isEqualTo("Use this branch");
        String branches = project.git("branch", "--list");

        robot.clickOn("#branchApply");
        WizardRobot.await(robot, "#branchStatus", "Done.");
        assertThat(project.git("branch", "--list")).isEqualTo(branches);
        assertThat(WizardRobot.text(robot, "#branchResult")).isEqualTo("Using 2.4 at " + branchHead.substring(0, 12)
                + ", recorded in the release.");
    }
}
