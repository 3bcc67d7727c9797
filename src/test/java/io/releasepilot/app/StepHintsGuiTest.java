package io.releasepilot.app;

import io.releasepilot.cli.CliRun;
import io.releasepilot.core.AppHome;
import io.releasepilot.core.Json;
import io.releasepilot.gui.StubDialogs;
import io.releasepilot.gui.common.Resources;
import io.releasepilot.gui.common.Styles;
import io.releasepilot.testing.Archives;
import io.releasepilot.release.RecordService;
import io.releasepilot.release.ReleaseProfile;
import io.releasepilot.release.ReleaseStore;
import io.releasepilot.release.Workspace;
import io.releasepilot.testing.DistServer;
import io.releasepilot.testing.GitFixture;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
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
import java.time.Year;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No stale hints: a step entered again says what the release record says (done at …, or what to do now), not
 * what it said before the action was done. The release is built on the command line, then signed and checked
 * in the window.
 */
@ExtendWith(ApplicationExtension.class)
class StepHintsGuiTest {
    static final String PASS = "hints passphrase";
    @TempDir
    static Path tmp;
    static Path release;
    static Path home;
    static DistServer server;
    private final StubDialogs dialogs = new StubDialogs();

    static void ok(String... args) {
        CliRun.okIn(home, args);
    }

    @BeforeAll
    static void aReleaseBuiltOnTheCommandLine() throws Exception {
        GitFixture repo = new GitFixture(tmp.resolve("demo"));
        repo.write("LICENSE", Files.readString(Path.of("LICENSE")))
                .write("NOTICE", "Apache Demo\nCopyright " + Year.now() + " The Apache Software Foundation\n")
                .write("src/a.c", Archives.HEADER + "int a;\n");
        repo.commit("Initial");
        repo.tag("v1.0.0-rc1");
        home = tmp.resolve("home");
        release = tmp.resolve("release");
        Path pass = Files.writeString(tmp.resolve("pass"), PASS + "\n");
        ok("profile", "init", "--dir", release.toString(), "--project", "demo", "--version", "1.0.0", "--repo",
                repo.dir().toString(), "--name", "Jane Doe", "--apache-id", DistServer.RM, "--email",
                "jdoe@apache.org");
        server = DistServer.svnserve(tmp);
        Workspace ws = new Workspace(release);
        ReleaseProfile p = new ReleaseStore().load(ws).profile();
        new RecordService(ws, new ReleaseStore()).saveProfile(new ReleaseProfile(p.projectId(), p.displayName(),
                p.podling(), p.version(), p.rcNumber(), p.gitRepository(), p.rcTagPattern(), p.releaseTagPattern(),
                p.branchPattern(), server.devUrl(), server.releaseUrl(), p.devList(), p.announceList(), p.rmName(),
                p.rmApacheId(), p.rmEmail(), p.signingKeyFingerprint(), p.signingBackend(), p.gnupgHome()));
        ok("keys", "generate", "--dir", release.toString(), "--passphrase-file", pass.toString(), "--bits", "2048");
        ok("source", "build", "--dir", release.toString());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Start
    void start(Stage stage) {
        Scene scene = new Scene(Composition.mainWindow(new AppHome(home), dialogs, () -> { }, 2048), 1200, 1000);
        scene.getStylesheets().add(Resources.url(Styles.STYLESHEET));
        stage.setScene(scene);
        stage.show();
    }

    /** Clicks the step in the list, again if the list re-rendered under the click, until the step is shown. */
    private static void step(FxRobot robot, String title) {
        ListView<?> list = robot.lookup("#stepList").queryAs(ListView.class);
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
                robot.lookup("#stepList .list-cell").queryAll().stream()
                        .filter(n -> n instanceof ListCell<?> c && c.getText() != null && c.getText().endsWith(title))
                        .findFirst().ifPresent(robot::clickOn);
                WaitForAsyncUtils.waitForFxEvents();
                Object selected = list.getSelectionModel().getSelectedItem();
                return selected instanceof io.releasepilot.gui.wizard.WizardStep s && s.title().equals(title);
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("could not open the step " + title, e);
        }
    }

    /** Waits until the step list shows {@code title} as done (the record is evaluated off the FX thread). */
    private static void awaitDone(FxRobot robot, String title) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#stepList .list-cell").queryAll()
                    .stream().anyMatch(n -> n instanceof ListCell<?> c && ("\u2713  " + title).equals(c.getText())));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(title + " is not shown as done", e);
        }
    }

    private static void await(FxRobot robot, String id, String prefix) {
        try {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> text(robot, id).startsWith(prefix));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(id + " says: " + text(robot, id), e);
        }
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** When {@code step} was recorded, as the window writes it: "2026-11-25 14:02 UTC". */
    private static String at(String step) throws Exception {
        String at = Json.mapper().readTree(release.resolve("release.json").toFile())
                .at("/candidates/0/steps/" + step + "/at").asText();
        assertThat(at).isNotEmpty();
        return at.substring(0, 16).replace('T', ' ') + " UTC";
    }

    @Test
    void aStepEnteredAgainSaysWhatTheRecordSaysNotWhatItSaidBefore(FxRobot robot) throws Exception {
        dialogs.directories.add(release);
        robot.clickOn("#openReleaseButton");
        awaitDone(robot, "Source release");

        step(robot, "Check");
        assertThat(text(robot, "#checkStatus"))
                .isEqualTo("Build and sign the release candidate first (Source release and Sign steps).");
        step(robot, "Signing key");
        assertThat(text(robot, "#keysNext")).isEqualTo("Done: this release has a signing key. Next, add it to KEYS"
                + " if it is not there yet.");

        // Built on the command line: the Source step says so, not "Run the pre-flight checks, then build".
        step(robot, "Source release");
        assertThat(text(robot, "#sourceStatus")).isEqualTo("The source release was built at " + at("source")
                + "; its archives are listed below. Next: sign them (Sign step). To build it again, run the"
                + " pre-flight checks, then build.");
        robot.clickOn("#sourceCheck");
        await(robot, "#sourceStatus", "All pre-flight");
        assertThat(text(robot, "#sourceStatus")).isEqualTo("All pre-flight checks passed. Next: build.");
        // Another tag: the checks were of the old one, so the line says what to do for this one.
        robot.interact(() -> robot.lookup("#sourceTag").<javafx.scene.control.ComboBox<String>>query()
                .setValue("v1.0.0-rc2"));
        assertThat(text(robot, "#sourceStatus")).isEqualTo("There is no tag v1.0.0-rc2 yet: create it below (or"
                + " choose another), then run the checks.");
        robot.interact(() -> robot.lookup("#sourceTag").<javafx.scene.control.ComboBox<String>>query()
                .setValue("v1.0.0-rc1"));
        assertThat(text(robot, "#sourceStatus")).isEqualTo("Tag v1.0.0-rc1 found. Run the pre-flight checks, then"
                + " build.");

        step(robot, "Sign");
        assertThat(text(robot, "#signStatus")).isEqualTo("1 artifact is ready to sign. Next: Sign all.");
        robot.clickOn("#signPassphrase").write(PASS);
        robot.clickOn("#signAll");
        await(robot, "#signStatus", "Signed 1");
        assertThat(text(robot, "#signStatus")).isEqualTo("Signed 1 artifact; every signature checks out against"
                + " your public key. Next: check the candidate as voters will.");
        awaitDone(robot, "Sign");

        // Signed now: Check no longer says "Build and sign … first".
        step(robot, "Check");
        assertThat(text(robot, "#checkStatus")).isEqualTo("The candidate is built and signed. Next: Check the"
                + " candidate.");
        robot.clickOn("#checkRun");
        await(robot, "#checkStatus", "PASSED");
        awaitDone(robot, "Check");

        step(robot, "Sign");
        assertThat(text(robot, "#signStatus")).isEqualTo("Signed at " + at("sign") + "; every signature checked"
                + " out against your public key. Next: check the candidate as voters will (Check step).");
        step(robot, "Check");
        assertThat(text(robot, "#checkStatus")).isEqualTo("Checked at " + at("check") + ": the candidate passed."
                + " Next: stage it on dist/dev (Stage step) and call the vote.");

        step(robot, "Stage");
        await(robot, "#stageStatus", "Ready");
        dialogs.passwords.add(DistServer.RM_PASSWORD);
        robot.clickOn("#stageButton");
        await(robot, "#stageStatus", "Staged;");
        assertThat(text(robot, "#stageStatus")).isEqualTo("Staged; every file on the server matches what was sent."
                + " Next: call the vote (Vote mail step).");
        awaitDone(robot, "Stage");
        // Entered again: staged, not "… already exists. Staged candidates are never replaced: start the next one".
        step(robot, "Check");
        step(robot, "Stage");
        await(robot, "#stageStatus", "Staged at");
        assertThat(text(robot, "#stageStatus")).isEqualTo("Staged at " + at("stage") + ": " + server.devUrl()
                + "1.0.0-rc1/ (revision " + new ReleaseStore().load(new Workspace(release))
                .outputs(io.releasepilot.release.StepId.STAGE, io.releasepilot.release.StageOutputs.class).revision()
                + "). Next: call the vote (Vote mail step).");

        // The key is added to KEYS on the command line: reopened, the Signing key step no longer asks for that.
        ok("keys", "append", "--dir", release.toString(), "--keys-file", tmp.resolve("KEYS").toString());
        robot.clickOn("#homeButton");
        dialogs.directories.add(release);
        robot.clickOn("#openReleaseButton");
        awaitDone(robot, "Stage");
        step(robot, "Signing key");
        // … nor names "the source release" as next: it is built (the What's next line names what is).
        assertThat(text(robot, "#keysNext")).isEqualTo("Done: this release has a signing key, and it is in KEYS"
                + " (commit that with svn).");
    }
}
