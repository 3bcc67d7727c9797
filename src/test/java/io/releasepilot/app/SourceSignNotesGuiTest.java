package io.releasepilot.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.releasepilot.core.AppHome;
import io.releasepilot.core.Json;
import io.releasepilot.core.Passphrase;
import io.releasepilot.core.Progress;
import io.releasepilot.gui.StubDialogs;
import io.releasepilot.gui.common.Resources;
import io.releasepilot.gui.common.Styles;
import io.releasepilot.keys.KeyService;
import io.releasepilot.pgp.KeySpec;
import io.releasepilot.release.ReleaseProfile;
import io.releasepilot.release.ReleaseStore;
import io.releasepilot.testing.Archives;
import io.releasepilot.testing.GitFixture;
import io.releasepilot.testing.Gpg;
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
import java.time.Year;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static io.releasepilot.testing.WizardRobot.await;
import static io.releasepilot.testing.WizardRobot.text;
import static org.assertj.core.api.Assertions.assertThat;

/** The Source, Sign and Release notes steps, driven through their controls on a small real repository. */
@ExtendWith(ApplicationExtension.class)
class SourceSignNotesGuiTest {
    static final String PASS = "pass for the gui release";
    @TempDir
    static Path tmp;
    static GitFixture repo;
    static Path release;
    static String fpr;
    static Gpg gpg;
    private final StubDialogs dialogs = new StubDialogs();

    @BeforeAll
    static void aRepositoryAReleaseAndAKey() throws Exception {
        repo = new GitFixture(tmp.resolve("demo"));
        repo.write("LICENSE", Files.readString(Path.of("LICENSE")))
                .write("NOTICE", "Apache Demo\nCopyright " + Year.now() + " The Apache Software Foundation\n")
                .write("src/a.c", Archives.HEADER + "int a;\n");
        repo.commit("Initial");
        repo.tag("v1.0.0");
        repo.write("src/b.c", Archives.HEADER + "int b;\n").commitAs("Ann", "ann@apache.org", "feat: add b");
        repo.write("src/c.c", Archives.HEADER + "int c;\n").commitAs("Bob", "bob@apache.org", "fix: c was wrong");
        try (Passphrase p = new Passphrase(PASS.toCharArray())) {
            fpr = new KeyService(new AppHome(tmp.resolve("home"))).generate(new KeySpec("Jane Doe", "jdoe@apache.org",
                    "", Optional.empty(), 2048), p, Progress.NONE).key().fingerprint().hex();
        }
        release = tmp.resolve("release");
        new ReleaseStore().create(release, ReleaseProfile.withDefaults("demo", false, "1.1.0")
                .withReleaseManager("Jane Doe", "jdoe", "jdoe@apache.org")
                .withGitRepository(repo.dir().toString()).withSigningKey(fpr));
        gpg = new Gpg(tmp.resolve("gnupg"));
        Path pub = Files.write(tmp.resolve("pub.asc"), new KeyService(new AppHome(tmp.resolve("home")))
                .exportPublic(io.releasepilot.pgp.Fingerprint.parse(fpr)));
        gpg.run("--import", pub.toString());
    }

    @AfterAll
    static void stop() {
        if (gpg != null) {
            gpg.close();
        }
    }

    @Start
    void start(Stage stage) {
        Scene scene = new Scene(Composition.mainWindow(new AppHome(tmp.resolve("home")), dialogs, () -> { }, 2048),
                1200, 1100);
        scene.getStylesheets().add(Resources.url(Styles.STYLESHEET));
        stage.setScene(scene);
        stage.show();
    }

    private static void step(FxRobot robot, String title) {
        io.releasepilot.testing.WizardRobot.openStep(robot, title);
    }

    /** Scrolls {@code id} into view, as a user would, then clicks it. */
    private static void click(FxRobot robot, String id) {
        Node node = robot.lookup(id).query();
        robot.interact(() -> {
            for (javafx.scene.Parent p = node.getParent(); p != null; p = p.getParent()) {
                if (p instanceof javafx.scene.control.ScrollPane scroll) {
                    var content = scroll.getContent();
                    double y = content.sceneToLocal(node.localToScene(0, 0)).getY();
                    double range = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
                    scroll.setVvalue(range <= 0 ? 0 : Math.min(1, Math.max(0, (y - 40) / range)));
                    break;
                }
            }
        });
        robot.clickOn(id);
    }


    @Test
    void tagsBuildsSignsAndDraftsTheNotes(FxRobot robot) throws Exception {
        dialogs.directories.add(release);
        robot.clickOn("#openReleaseButton");

        step(robot, "Source release");
        assertThat(text(robot, "#sourceStatus")).contains("There is no tag v1.1.0-rc1");
        click(robot, "#tagSign");
        click(robot, "#tagPassphrase");
        robot.write(PASS);
        click(robot, "#tagCreate");
        await(robot, "#sourceStatus", "Created tag");
        assertThat(repo.git("cat-file", "tag", "v1.1.0-rc1")).contains("-----BEGIN PGP SIGNATURE-----");

        click(robot, "#sourceCheck");
        await(robot, "#sourceStatus", "All pre-flight");
        @SuppressWarnings("unchecked")
        List<io.releasepilot.source.PreflightCheck> checks = robot.lookup("#sourceChecks").queryAs(ListView.class)
                .getItems();
        assertThat(checks).extracting(io.releasepilot.source.PreflightCheck::name)
                .containsExactly("LICENSE", "NOTICE", "NOTICE year", "License headers");
        assertThat(robot.lookup("#sourcePreview").queryAs(TextArea.class).getText())
                .contains("apache-demo-1.1.0-src.tar.gz", "files go in");
        click(robot, "#sourceBuild");
        await(robot, "#sourceStatus", "Built");
        Path tgz = release.resolve("artifacts/1.1.0-rc1/apache-demo-1.1.0-src.tar.gz");
        assertThat(tgz).exists();
        assertThat(robot.lookup("#sourceResults").queryAs(ListView.class).getItems().get(0).toString())
                .startsWith("apache-demo-1.1.0-src.tar.gz").contains("SHA-512");

        step(robot, "Sign");
        robot.clickOn("#signPassphrase").write(PASS);
        robot.clickOn("#signAll");
        await(robot, "#signStatus", "Signed");
        assertThat(gpg.verdict(Path.of(tgz + ".asc"), tgz)).isEqualTo("GOODSIG");
        assertThat(Path.of(tgz + ".sha512")).exists();

        step(robot, "Release notes");
        robot.clickOn("#notesGenerate");
        await(robot, "#notesStatus", "Draft from");
        TextArea editor = robot.lookup("#notesEditor").queryAs(TextArea.class);
        assertThat(editor.getText()).contains("# Apache Demo 1.1.0 release notes", "## Features", "add b",
                "## Bug fixes", "Ann (1 commit)").doesNotContain("Initial");
        robot.interact(() -> editor.appendText("\nHighlights written by the release manager.\n"));
        robot.clickOn("#notesSave");
        Path notes = release.resolve("notes/RELEASE-NOTES-1.1.0.md");
        assertThat(Files.readString(notes)).contains("Highlights written by the release manager.");
        assertThat(text(robot, "#notesStatus")).startsWith("Saved ").endsWith("RELEASE-NOTES-1.1.0.md.");
        robot.interact(() -> editor.appendText("More.\n"));
        assertThat(text(robot, "#notesStatus")).isEqualTo("Changed since it was saved: save again to keep the"
                + " changes.");
        robot.clickOn("#notesSave");
        assertThat(text(robot, "#notesStatus")).startsWith("Saved ").endsWith("RELEASE-NOTES-1.1.0.md.");

        JsonNode json = Json.mapper().readTree(release.resolve("release.json").toFile());
        JsonNode steps = json.at("/candidates/0/steps");
        assertThat(steps.at("/source/status").asText()).isEqualTo("DONE");
        assertThat(steps.at("/sign/status").asText()).isEqualTo("DONE");
        assertThat(steps.at("/notes/status").asText()).isEqualTo("DONE");
        // The record holds the real outputs: the tag's commit and each archive's SHA-512 as on disk.
        JsonNode artifact = steps.at("/source/outputs/artifacts/0");
        Path archive = release.resolve(steps.at("/source/outputs/folder").asText()).resolve(artifact.get("file").asText());
        assertThat(artifact.get("sha512").asText()).isEqualTo(io.releasepilot.testing.Tools.sha512(archive));
        assertThat(steps.at("/source/outputs/commitId").asText()).matches("[0-9a-f]{40}");
        assertThat(steps.at("/sign/outputs/files/0/asc").asText()).isEqualTo(artifact.get("file").asText() + ".asc");
        assertThat(steps.at("/notes/outputs/file").asText()).isEqualTo("notes/RELEASE-NOTES-1.1.0.md");
    }

    @Test
    void anArchiveNamePatternSetOnTheCommandLineIsShownUsedAndKeptByTheWindow(FxRobot robot) throws Exception {
        Path mx = tmp.resolve("release-mx");
        new ReleaseStore().create(mx, ReleaseProfile.withDefaults("demo", false, "2.0.0")
                .withReleaseManager("Jane Doe", "jdoe", "jdoe@apache.org")
                .withGitRepository(repo.dir().toString()).withSigningKey(fpr));
        io.releasepilot.source.SourceService service = new io.releasepilot.source.SourceService(
                new KeyService(new AppHome(tmp.resolve("home"))));
        io.releasepilot.release.RecordService records = new io.releasepilot.release.RecordService(
                new io.releasepilot.release.Workspace(mx));
        io.releasepilot.source.SourceOptions base = service.options(records.load());
        service.saveOptions(records, new io.releasepilot.source.SourceOptions(base.dotFiles(), base.removals(),
                base.exportIgnore(), base.submodules(), base.zip(), base.versionFile(), base.versionPattern(),
                "apache-{project}-src-{version}.rc{rc}"));
        repo.tag("v2.0.0-rc1");
        dialogs.directories.add(mx);
        robot.clickOn("#openReleaseButton");

        step(robot, "Source release");
        assertThat(robot.lookup("#sourceNamePattern").queryAs(javafx.scene.control.TextField.class).getText())
                .isEqualTo("apache-{project}-src-{version}.rc{rc}");
        click(robot, "#sourceCheck");
        await(robot, "#sourceStatus", "All pre-flight");
        assertThat(robot.lookup("#sourcePreview").queryAs(TextArea.class).getText())
                .contains("apache-demo-src-2.0.0.rc1.tar.gz");
        click(robot, "#sourceBuild");
        await(robot, "#sourceStatus", "Built");
        assertThat(mx.resolve("artifacts/2.0.0-rc1/apache-demo-src-2.0.0.rc1.tar.gz")).exists();
        assertThat(service.options(records.load()).namePattern()).as("saved again by the window, not dropped")
                .isEqualTo("apache-{project}-src-{version}.rc{rc}");
    }
}
