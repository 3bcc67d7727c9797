package io.releasepilot.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.releasepilot.cli.CliRun;
import io.releasepilot.core.AppHome;
import io.releasepilot.core.Json;
import io.releasepilot.gui.StubDialogs;
import io.releasepilot.gui.common.Resources;
import io.releasepilot.gui.common.Styles;
import io.releasepilot.testing.Archives;
import io.releasepilot.testing.GitFixture;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;
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
import java.nio.file.StandardOpenOption;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A release made on the command line, reopened in the window: every step shows the state {@code status}
 * reports, a changed archive shows as stale with the reason, and the What's next line names the next step.
 */
@ExtendWith(ApplicationExtension.class)
class ReopenReleaseGuiTest {
    static final String PASS = "reopen passphrase";
    @TempDir
    static Path tmp;
    static Path release;
    static Path home;
    private final StubDialogs dialogs = new StubDialogs();

    static void ok(String... args) {
        CliRun.okIn(home, args);
    }

    @BeforeAll
    static void aReleaseMadeOnTheCommandLine() throws Exception {
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
                repo.dir().toString(), "--name", "Jane Doe", "--apache-id", "jdoe", "--email", "jdoe@apache.org");
        ok("keys", "generate", "--dir", release.toString(), "--passphrase-file", pass.toString(), "--bits", "2048");
        ok("source", "build", "--dir", release.toString());
        ok("sign", "--dir", release.toString(), "--passphrase-file", pass.toString());
    }

    @Start
    void start(Stage stage) {
        Scene scene = new Scene(Composition.mainWindow(new AppHome(home), dialogs, () -> { }, 2048), 1200, 1000);
        scene.getStylesheets().add(Resources.url(Styles.STYLESHEET));
        stage.setScene(scene);
        stage.show();
    }

    private static Map<String, String> cells(FxRobot robot) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Node n : robot.lookup("#stepList .list-cell").queryAll()) {
            if (n instanceof ListCell<?> c && c.getText() != null) {
                out.put(c.getText().substring(3), c.getText().substring(0, 1));
            }
        }
        return out;
    }

    private static Map<String, String> statusIcons() throws Exception {
        CliRun r = CliRun.run("status", "--dir", release.toString(), "--json", "--home", home.toString());
        JsonNode json = Json.mapper().readTree(r.out());
        Map<String, String> icons = new LinkedHashMap<>();
        Map<String, String> titles = Map.of("profile", "Release profile", "key", "Signing key", "notes",
                "Release notes", "source", "Source release", "sign", "Sign", "check", "Check");
        for (JsonNode s : json.get("steps")) {
            String title = titles.get(s.get("id").asText());
            if (title != null) {
                icons.put(title, switch (s.get("status").asText()) {
                    case "DONE" -> "\u2713";
                    case "STALE" -> "\u26A0";
                    case "FAILED" -> "\u2717";
                    case "WAITING" -> "\u231B";
                    default -> "\u25CB";
                });
            }
        }
        return icons;
    }

    private static void awaitCells(FxRobot robot, Map<String, String> expected) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                    () -> cells(robot).entrySet().containsAll(expected.entrySet()));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("step list " + cells(robot) + " does not show " + expected, e);
        }
    }

    @Test
    void aReopenedReleaseShowsTheSameStatesAsStatusAndAStaleStepSaysWhy(FxRobot robot) throws Exception {
        dialogs.directories.add(release);
        robot.clickOn("#openReleaseButton");

        Map<String, String> expected = statusIcons();
        assertThat(expected).containsEntry("Sign", "\u2713").containsEntry("Check", "\u25CB");
        awaitCells(robot, expected);
        assertThat(robot.lookup("#whatsNext").queryAs(Label.class).getText())
                .isEqualTo("What's next: Signing key \u2192 Add to KEYS \u2014 Not done yet.");

        // The archive changes on disk while the app is closed: reopened, Source and Sign are stale.
        Path archive = release.resolve("artifacts/1.0.0-rc1/apache-demo-1.0.0-src.tar.gz");
        Files.write(archive, new byte[] {1}, StandardOpenOption.APPEND);
        robot.clickOn("#homeButton");
        dialogs.directories.add(release);
        robot.clickOn("#openReleaseButton");
        Map<String, String> stale = statusIcons();
        assertThat(stale).containsEntry("Source release", "\u26A0").containsEntry("Sign", "\u26A0");
        awaitCells(robot, stale);

        Node source = robot.lookup("#stepList .list-cell").queryAll().stream()
                .filter(n -> n instanceof ListCell<?> c && c.getText() != null && c.getText().endsWith("Source release"))
                .findFirst().orElseThrow();
        robot.clickOn(source);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#stepBanner").queryAs(Label.class).getText()).isEqualTo(
                "This step has to be done again: apache-demo-1.0.0-src.tar.gz changed on disk since it was built at "
                        + builtAt() + " UTC. Build the source release again (or restore the file).");
    }

    /** When the source step was recorded, as the window writes it: "2026-11-25 14:02". */
    private static String builtAt() throws Exception {
        String at = Json.mapper().readTree(release.resolve("release.json").toFile())
                .at("/candidates/0/steps/source/at").asText();
        return at.substring(0, 16).replace('T', ' ');
    }
}
