package io.releasepilot.gui.verify;

import io.releasepilot.gui.StubDialogs;
import io.releasepilot.gui.common.Resources;
import io.releasepilot.gui.common.Styles;
import io.releasepilot.testing.Archives;
import io.releasepilot.testing.DistServer;
import io.releasepilot.testing.Gpg;
import io.releasepilot.testing.Tools;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A voter pastes the candidate's dist/dev URL into the Verify window: the folder is downloaded from a real
 * svnserve and verified against dist/release/demo/KEYS next to it (no KEYS field given).
 */
@ExtendWith(ApplicationExtension.class)
class VerifyUrlGuiTest {
    @TempDir
    static Path tmp;
    static Gpg gpg;
    static DistServer server;
    private final StubDialogs dialogs = new StubDialogs();

    @BeforeAll
    static void candidateOnTheServer() throws Exception {
        gpg = new Gpg(tmp.resolve("gnupg"));
        String fpr = gpg.generate("Jane Doe <jdoe@apache.org>", "ed25519", "0", null);
        Path rc = Files.createDirectories(tmp.resolve("rc"));
        Path tgz = rc.resolve("apache-demo-2.4.0-src.tar.gz");
        Archives.tarGz(tgz, Archives.cleanTree("apache-demo-2.4.0-src"));
        gpg.sign(tgz, fpr, null);
        Tools.require("sha512sum");
        Files.writeString(rc.resolve(tgz.getFileName() + ".sha512"),
                Tools.run(rc, List.of("sha512sum", tgz.getFileName().toString())).out());
        server = DistServer.svnserve(tmp.resolve("server"));
        server.mkdir("dev/demo/2.4.0-rc1");
        try (Stream<Path> files = Files.list(rc)) {
            for (Path f : files.toList()) {
                server.putFile("dev/demo/2.4.0-rc1/" + f.getFileName(), Files.readAllBytes(f), "stage");
            }
        }
        server.putFile("release/demo/KEYS", gpg.exportArmored(fpr).getBytes(StandardCharsets.US_ASCII), "KEYS");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (gpg != null) {
            gpg.close();
        }
    }

    @Start
    void start(Stage stage) {
        Scene scene = new Scene(VerifyWindow.view(dialogs), 1100, 800);
        scene.getStylesheets().add(Resources.url(Styles.STYLESHEET));
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void pastingTheDevUrlDownloadsTheCandidateAndChecksItAgainstTheReleaseKeys(FxRobot robot) throws Exception {
        String url = server.devUrl() + "2.4.0-rc1/";
        assertThat(robot.lookup("#verifyUrlRun").queryAs(Button.class).isDisabled()).isTrue();
        robot.clickOn("#verifyUrl").write(url);
        robot.clickOn("#verifyUrlRun");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> !robot.lookup("#verifyBanner").queryAs(Label.class).getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        @SuppressWarnings("unchecked")
        TableView<ArtifactRow> table = robot.lookup("#verifyTable").queryAs(TableView.class);
        assertThat(table.getItems()).extracting(ArtifactRow::name).containsExactly("apache-demo-2.4.0-src.tar.gz");
        ArtifactRow src = table.getItems().get(0);
        assertThat(src.signature()).isEqualTo("GOOD");
        assertThat(src.checksums()).isEqualTo("SHA-512 MATCH");
        assertThat(robot.lookup("#verifyBanner").queryAs(Label.class).getText()).startsWith("PASSED");
        assertThat(robot.lookup("#verifyStatus").queryAs(Label.class).getText()).isEqualTo("Checked " + url
                + ". Select an artifact for details.");
        // the download went into a temporary folder that is gone once the verdict is shown
        try (Stream<Path> left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(left.filter(p -> p.getFileName().toString().startsWith("release-pilot-rc-"))
                    .filter(p -> Files.exists(p.resolve("2.4.0-rc1/apache-demo-2.4.0-src.tar.gz"))).toList()).isEmpty();
        }
    }

    @Test
    void somethingThatIsNotAUrlIsRefusedInWords(FxRobot robot) {
        robot.clickOn("#verifyUrl").write("dist/dev/demo/2.4.0-rc1");
        robot.clickOn("#verifyUrlRun");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#verifyStatus").queryAs(Label.class).getText())
                .startsWith("Not a dist URL: dist/dev/demo/2.4.0-rc1. Paste the release candidate's http://");
        assertThat(robot.lookup("#verifyTable").queryAs(TableView.class).getItems()).isEmpty();
    }
}
