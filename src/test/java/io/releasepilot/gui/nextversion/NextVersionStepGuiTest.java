package io.releasepilot.gui.nextversion;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Next version step in the window, on a real git repository: the lines to move and the diff are shown
 * before anything is written; before the vote passed it waits unless told the project moves on earlier; Commit
 * makes one commit per line on a new branch (the working tree untouched), skips a number already tagged, and
 * records the step.
 */
@ExtendWith(ApplicationExtension.class)
class NextVersionStepGuiTest {
    @TempDir
    static Path tmp;
    static Path release;
    static GitFixture project;
    private final StubDialogs dialogs = new StubDialogs();

    @BeforeAll
    static void aReleasedVersionWhoseNextPatchWasRetracted() throws Exception {
        project = new GitFixture(tmp.resolve("repo"));
        project.write("pom.xml", "<project>\n  <version>3.1.0</version>\n</project>\n");
        project.commit("Release 3.1.0");
        project.tag("v3.1.0");
        project.tag("v3.1.1"); // a retracted 3.1.1: its number is used up
        Path remote = tmp.resolve("remote.git");
        assertThat(new ProcessBuilder("git", "init", "-q", "--bare", remote.toString()).start().waitFor()).isZero();
        project.git("remote", "add", "origin", remote.toUri().toString());
        release = tmp.resolve("release");
        CliRun r = CliRun.run("profile", "init", "--dir", release.toString(), "--project", "demo", "--version",
                "3.1.0", "--repo", project.dir().toString(), "--name", "Jane Doe", "--apache-id", "jdoe", "--email",
                "jdoe@apache.org", "--home", tmp.resolve("home").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
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
    void showsTheDiffFirstThenCommitsEachLineOnANewBranchAndRecordsIt(FxRobot robot) throws Exception {
        dialogs.directories.add(release);
        robot.clickOn("#openReleaseButton");
        WizardRobot.openStep(robot, "Next version");

        WizardRobot.await(robot, "#nextVersionStatus", "Check the change above");
        assertThat(WizardRobot.text(robot, "#nextVersionPlan")).isEqualTo(
                "3.1: 3.1.0 \u2192 3.1.2 (new branch next-version-3.1.2 from v3.1.0)\n"
                        + "main: 3.1.0 \u2192 3.2.0a1 (new branch next-version-3.2.0a1 from main)");
        assertThat(robot.lookup("#nextVersionDiff").queryAs(TextArea.class).getText())
                .contains("-  <version>3.1.0</version>\n+  <version>3.1.2</version>",
                        "-  <version>3.1.0</version>\n+  <version>3.2.0a1</version>");
        assertThat(project.git("branch", "--list", "next-version-*")).as("nothing written before Commit").isEmpty();
        assertThat(WizardRobot.text(robot, "#nextVersionReadiness")).isEqualTo("The vote on 3.1.0 RC 1 has not been"
                + " counted yet. If it fails, the next RC keeps 3.1.0, and the branch would already name the version"
                + " after it. Move on once the vote passed (the step list shows where it stands).");
        assertThat(robot.lookup("#nextVersionCommit").queryButton().isDisabled()).as("waits for the vote").isTrue();

        robot.clickOn("#nextVersionForce");
        robot.clickOn("#nextVersionCommit");
        WizardRobot.await(robot, "#nextVersionStatus", "Committed and recorded");

        assertThat(dialogs.confirmations).singleElement().asString()
                .contains("next-version-3.1.2, next-version-3.2.0a1", project.dir().toString());
        assertThat(project.git("show", "next-version-3.1.2:pom.xml")).contains("<version>3.1.2</version>");
        assertThat(project.git("show", "next-version-3.2.0a1:pom.xml")).contains("<version>3.2.0a1</version>");
        assertThat(project.git("status", "--porcelain")).as("working tree untouched").isEmpty();
        String commit = project.git("rev-parse", "next-version-3.1.2");
        assertThat(WizardRobot.text(robot, "#nextVersionResult")).startsWith("3.1 moved to 3.1.2: commit "
                + commit.substring(0, 12) + " on branch next-version-3.1.2, for a pull request to 3.1.");

        // The branches go to the remote from the pane (a file remote takes any password; none is stored)
        dialogs.passwords.add("token-for-this-push-only");
        robot.clickOn("#nextVersionPush");
        WizardRobot.await(robot, "#nextVersionStatus", "Pushed next-version-3.1.2, next-version-3.2.0a1 to origin");
        assertThat(project.git("ls-remote", "--heads", "origin")).contains("refs/heads/next-version-3.1.2",
                "refs/heads/next-version-3.2.0a1");
        JsonNode file = Json.mapper().readTree(release.resolve("release.json").toFile());
        assertThat(file.at("/candidates/0/steps/next-version/status").asText()).isEqualTo("DONE");
        assertThat(file.at("/candidates/0/steps/next-version/outputs/bumps/0/commitId").asText()).isEqualTo(commit);
    }
}
