package io.releasepilot.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.releasepilot.core.AppHome;
import io.releasepilot.core.Json;
import io.releasepilot.gui.StubDialogs;
import io.releasepilot.gui.common.Resources;
import io.releasepilot.gui.common.Styles;
import io.releasepilot.release.ReleaseProfile;
import io.releasepilot.release.ReleaseStore;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The Keys step, driven through its controls: create a key, use it for the release, add it to KEYS. */
@ExtendWith(ApplicationExtension.class)
class KeysStepGuiTest {
    static final String PASSPHRASE = "gui passphrase that must stay secret 9";
    @TempDir
    static Path tmp;
    static Path release;
    private final StubDialogs dialogs = new StubDialogs();

    @BeforeAll
    static void aSavedRelease() throws Exception {
        release = tmp.resolve("release");
        new ReleaseStore().create(release, ReleaseProfile.withDefaults("demo", false, "1.0.0")
                .withReleaseManager("Jane Doe", "jdoe", "jdoe@apache.org"));
    }

    @Start
    void start(Stage stage) {
        Scene scene = new Scene(Composition.mainWindow(new AppHome(tmp.resolve("home")), dialogs, () -> { }, 2048),
                1100, 1000);
        scene.getStylesheets().add(Resources.url(Styles.STYLESHEET));
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void createsAKeyUsesItForTheReleaseAndAppendsItToKeys(FxRobot robot) throws Exception {
        dialogs.directories.add(release);
        robot.clickOn("#openReleaseButton");
        io.releasepilot.testing.WizardRobot.openStep(robot, "Signing key");
        assertThat(robot.lookup("#keyName").queryAs(TextField.class).getText()).isEqualTo("Jane Doe");
        assertThat(robot.lookup("#keyEmail").queryAs(TextField.class).getText()).isEqualTo("jdoe@apache.org");
        assertThat(robot.lookup("#nextButton").queryButton().isDisabled()).isTrue();

        robot.clickOn("#keyPassphrase").write(PASSPHRASE);
        robot.clickOn("#keyPassphraseAgain").write("something else");
        robot.clickOn("#createKey");
        assertThat(robot.lookup("#keyProblems").queryAs(Label.class).getText()).contains("differ");
        robot.interact(() -> robot.lookup("#keyPassphraseAgain").queryAs(TextField.class).clear());
        robot.clickOn("#keyPassphraseAgain").write(PASSPHRASE);
        assertThat(robot.lookup("#keyStrength").queryAs(Label.class).getText()).isEqualTo("Strong.");
        robot.clickOn("#createKey");

        @SuppressWarnings("unchecked")
        ListView<Object> keys = robot.lookup("#keyList").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> keys.getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#keyStrength").queryAs(Label.class).getText())
                .as("no strength hint once the fields are cleared").isEmpty();
        assertThat(robot.lookup("#keysStatus").queryAs(Label.class).getText()).startsWith("Created key");
        assertThat(robot.lookup("#keyPassphrase").queryAs(TextField.class).getText()).isEmpty();

        robot.clickOn("#useKey");
        JsonNode json = Json.mapper().readTree(release.resolve("release.json").toFile());
        String fpr = json.at("/profile/signingKeyFingerprint").asText();
        assertThat(fpr).matches("[0-9A-F]{40}");
        assertThat(json.at("/candidates/0/steps/key/status").asText()).isEqualTo("DONE");
        assertThat(json.at("/candidates/0/steps/key/outputs/fingerprint").asText()).isEqualTo(fpr);
        assertThat(json.at("/candidates/0/steps/key/outputs/backend").asText()).isEqualTo("built-in");
        assertThat(robot.lookup("#releaseKey").queryAs(Label.class).getText()).contains(fpr);

        Path keysFile = release.resolve("KEYS");
        Files.writeString(keysFile, "This file contains the PGP keys of the project's release managers.\n");
        robot.clickOn("#keysFile").write(keysFile.toString());
        robot.clickOn("#keysPreviewButton");
        assertThat(robot.lookup("#keysPreview").queryAs(TextArea.class).getText())
                .contains("pub   rsa2048", fpr, "-----BEGIN PGP PUBLIC KEY BLOCK-----");
        assertThat(Files.readString(keysFile)).doesNotContain("BEGIN PGP");
        robot.clickOn("#keysAppend");
        assertThat(Files.readString(keysFile)).startsWith("This file contains").contains(fpr)
                .contains("-----END PGP PUBLIC KEY BLOCK-----");
        assertThat(robot.lookup("#keysStatus").queryAs(Label.class).getText())
                .isEqualTo(keysFile + " now holds 1 key (0 before). Commit it with svn.");
        assertThat(robot.lookup("#keysNext").queryAs(Label.class).getText()).as("the KEYS hint is done")
                .isEqualTo("Done: this release has a signing key, and it is in KEYS (commit that with svn)."
                        + " Next: the source release.");

        for (Path root : new Path[] {tmp.resolve("home"), release}) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1))
                            .as("passphrase in " + f).doesNotContain(PASSPHRASE);
                }
            }
        }
    }
}
