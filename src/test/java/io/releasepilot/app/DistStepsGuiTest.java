package io.releasepilot.app;

import io.releasepilot.core.AppHome;
import io.releasepilot.gui.StubDialogs;
import io.releasepilot.gui.common.Resources;
import io.releasepilot.gui.common.Styles;
import io.releasepilot.release.ReleaseProfile;
import io.releasepilot.release.ReleaseRecord;
import io.releasepilot.release.ReleaseStore;
import io.releasepilot.release.StageOutputs;
import io.releasepilot.release.StepId;
import io.releasepilot.release.Workspace;
import io.releasepilot.testing.DistServer;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static io.releasepilot.testing.WizardRobot.await;
import static io.releasepilot.testing.WizardRobot.text;
import static org.assertj.core.api.Assertions.assertThat;

/** The Stage, Publish and Prune steps, driven through their controls against a real svnserve. */
@ExtendWith(ApplicationExtension.class)
class DistStepsGuiTest {
    @TempDir
    static Path tmp;
    static DistServer server;
    static Path release;
    private final StubDialogs dialogs = new StubDialogs();

    @BeforeAll
    static void aServerAndASignedCandidate() throws Exception {
        server = DistServer.svnserve(tmp);
        server.mkdir("release/demo/0.9.0");
        server.mkdir("release/demo/0.9.1");
        release = tmp.resolve("release");
        ReleaseProfile d = ReleaseProfile.withDefaults("demo", false, "1.0.0");
        new ReleaseStore().create(release, new ReleaseProfile(d.projectId(), d.displayName(), false, "1.0.0", 1, "",
                d.rcTagPattern(), d.releaseTagPattern(), d.branchPattern(), server.devUrl(), server.releaseUrl(),
                d.devList(), d.announceList(), "Rita Manager", "rm", "rm@apache.org", "", d.signingBackend(),
                d.gnupgHome()));
        Path rc = Files.createDirectories(release.resolve("artifacts/1.0.0-rc1"));
        Files.writeString(rc.resolve("apache-demo-1.0.0-src.tar.gz"), "artifact bytes\n");
        Files.writeString(rc.resolve("apache-demo-1.0.0-src.tar.gz.asc"), "sig\n");
        Files.writeString(rc.resolve("apache-demo-1.0.0-src.tar.gz.sha512"), "abc  apache-demo-1.0.0-src.tar.gz\n");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Start
    void start(Stage stage) {
        Scene scene = new Scene(Composition.mainWindow(new AppHome(tmp.resolve("home")), dialogs, () -> { }, 2048),
                1200, 1000);
        scene.getStylesheets().add(Resources.url(Styles.STYLESHEET));
        stage.setScene(scene);
        stage.show();
    }

    private static void step(FxRobot robot, String title) {
        io.releasepilot.testing.WizardRobot.openStep(robot, title);
    }


    @Test
    void stagesPublishesAndPrunesThroughTheWindow(FxRobot robot) throws Exception {
        dialogs.directories.add(release);
        robot.clickOn("#openReleaseButton");

        step(robot, "Stage");
        await(robot, "#stageStatus", "Ready");
        assertThat(robot.lookup("#stagePreview").queryAs(TextArea.class).getText())
                .startsWith("Folder: " + server.devUrl() + "1.0.0-rc1/\n")
                .contains("apache-demo-1.0.0-src.tar.gz.asc   4 bytes").endsWith("3 files, 53 bytes in all.");
        dialogs.passwords.add(DistServer.RM_PASSWORD);
        robot.clickOn("#stageButton");
        await(robot, "#stageStatus", "Staged");
        assertThat(dialogs.passwordPrompts).containsExactly("Password of rm for dist.apache.org (it is not stored)");
        assertThat(text(robot, "#stageResult")).isEqualTo("Staged in " + server.devUrl() + "1.0.0-rc1/ (revision 4).");
        ReleaseRecord r = new ReleaseStore().load(new Workspace(release));
        assertThat(r.outputs(StepId.STAGE, StageOutputs.class).revision()).isEqualTo(4);
        assertThat(server.cat("dev/demo/1.0.0-rc1/apache-demo-1.0.0-src.tar.gz")).isEqualTo("artifact bytes\n");
        assertThat(text(robot, "#stageStatus")).isEqualTo("Staged; every file on the server matches what was sent."
                + " Next: call the vote (Vote mail step).");

        step(robot, "Publish");
        await(robot, "#publishStatus", "The record holds no passed tally");
        robot.clickOn("#publishOverride").write("Vote passed; tally recorded by hand");
        dialogs.passwords.add(DistServer.RM_PASSWORD);
        robot.clickOn("#publishButton");
        await(robot, "#publishStatus", "Published.");
        assertThat(text(robot, "#publishStatus")).isEqualTo("Published. Next: remove old releases (Prune step) and"
                + " announce the release (Announcement step).");
        assertThat(server.tree("release/demo")).contains("release/demo/1.0.0/apache-demo-1.0.0-src.tar.gz");
        assertThat(server.tree("dev/demo")).isEqualTo("dev/demo/\n");

        step(robot, "Prune");
        await(robot, "#pruneStatus", "1 folder is proposed for removal.");
        assertThat(robot.lookup("#pruneList").queryAs(ListView.class).getItems()).extracting(Object::toString)
                .containsExactly("release/1.0.0   (newest release of the 1.0 line)",
                        "release/0.9.1   (newest release of the 0.9 line)",
                        "release/0.9.0   (superseded by 0.9.1; it stays on archive.apache.org)");
        dialogs.passwords.add(DistServer.RM_PASSWORD);
        robot.clickOn("#pruneButton");
        await(robot, "#pruneStatus", "Removed.");
        assertThat(server.tree("release/demo")).doesNotContain("0.9.0").contains("0.9.1/", "1.0.0/");
        assertThat(Files.readString(release.resolve("release.json"))).doesNotContain(DistServer.RM_PASSWORD)
                .contains("Vote passed; tally recorded by hand");
    }
}
