package io.releasepilot.gui.verify;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import io.releasepilot.gui.StubDialogs;
import io.releasepilot.gui.common.Resources;
import io.releasepilot.gui.common.Styles;
import io.releasepilot.testing.Archives;
import io.releasepilot.testing.Gpg;
import io.releasepilot.testing.Tools;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
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
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A voter drops an RC folder on the Verify window and reads the verdict, headless. */
@ExtendWith(ApplicationExtension.class)
class VerifyWindowGuiTest {
    @TempDir
    static Path tmp;
    static Gpg gpg;
    static Path rc;
    static Path keys;
    private final StubDialogs dialogs = new StubDialogs();

    @BeforeAll
    static void candidate() throws Exception {
        gpg = new Gpg(tmp.resolve("gnupg"));
        String fpr = gpg.generate("Jane Doe <jdoe@apache.org>", "ed25519", "0", null);
        keys = tmp.resolve("project-KEYS");
        Files.writeString(keys, gpg.exportArmored(fpr));
        rc = Files.createDirectories(tmp.resolve("2.4.0-rc1"));
        Path tgz = rc.resolve("apache-demo-2.4.0-src.tar.gz");
        Archives.tarGz(tgz, Archives.cleanTree("apache-demo-2.4.0-src"));
        gpg.sign(tgz, fpr, null);
        Tools.require("sha512sum");
        Files.writeString(rc.resolve(tgz.getFileName() + ".sha512"),
                Tools.run(rc, List.of("sha512sum", tgz.getFileName().toString())).out());
        Files.writeString(rc.resolve("apache-demo-2.4.0-bin.tar.gz"), "unsigned");
    }

    @AfterAll
    static void stop() {
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
    void droppingAFolderShowsAVerdictPerArtifact(FxRobot robot) throws Exception {
        robot.clickOn("#keysFile").write(keys.toString());
        Node dropZone = robot.lookup("#dropZone").query();

        robot.interact(() -> dropFiles(dropZone, rc));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> !robot.lookup("#verifyBanner").queryAs(Label.class).getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        @SuppressWarnings("unchecked")
        TableView<ArtifactRow> table = robot.lookup("#verifyTable").queryAs(TableView.class);
        assertThat(table.getItems()).extracting(ArtifactRow::name)
                .containsExactly("apache-demo-2.4.0-bin.tar.gz", "apache-demo-2.4.0-src.tar.gz");
        ArtifactRow bin = table.getItems().get(0);
        ArtifactRow src = table.getItems().get(1);
        assertThat(bin.signature()).isEqualTo("MISSING");
        assertThat(bin.signatureOk()).isFalse();
        assertThat(src.signature()).isEqualTo("GOOD");
        assertThat(src.checksums()).isEqualTo("SHA-512 MATCH");
        assertThat(src.content()).startsWith("OK");
        assertThat(robot.lookup("#verifyBanner").queryAs(Label.class).getText()).startsWith("FAILED");
        assertThat(robot.lookup("#verifyBanner").queryAs(Label.class).getStyleClass()).contains(Styles.BANNER_FAIL);

        robot.clickOn(robot.lookup(".table-row-cell").nth(1).queryAs(Node.class));
        assertThat(robot.lookup("#verifyDetails").queryAs(TextArea.class).getText())
                .contains("Good signature by Jane Doe <jdoe@apache.org>", "SHA-512 matches");

        robot.clickOn("#copyVoteReply");
        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
        assertThat(copied).startsWith("-1").contains("apache-demo-2.4.0-src.tar.gz.asc: GOOD")
                .contains("There is no apache-demo-2.4.0-bin.tar.gz.asc");
        assertThat(robot.lookup("#verifyRun").queryAs(Button.class).isDisabled()).isFalse();
    }

    /** What the OS does when files are dropped: DRAG_OVER, then DRAG_DROPPED, with the files on a dragboard. */
    private static void dropFiles(Node target, Path folder) {
        Dragboard board = DragboardHelper.createDragboard(new DropClipboard());
        DragboardHelper.setDataAccessRestriction(board, false);
        ClipboardContent content = new ClipboardContent();
        content.putFiles(List.of(folder.toFile()));
        board.setContent(content);
        var bounds = target.localToScene(target.getBoundsInLocal());
        double x = bounds.getCenterX();
        double y = bounds.getCenterY();
        Event.fireEvent(target, new DragEvent(DragEvent.DRAG_OVER, board, x, y, x, y, TransferMode.COPY, null,
                target, null));
        Event.fireEvent(target, new DragEvent(DragEvent.DRAG_DROPPED, board, x, y, x, y, TransferMode.COPY, null,
                target, null));
    }

    /** The data of an operating-system drop: files, offered for copying. */
    private static final class DropClipboard implements TKClipboard {
        private final java.util.Map<javafx.scene.input.DataFormat, Object> values = new java.util.HashMap<>();

        @Override
        public void setSecurityContext(java.security.AccessControlContext context) {
        }

        @Override
        public java.util.Set<javafx.scene.input.DataFormat> getContentTypes() {
            return values.keySet();
        }

        @Override
        @SafeVarargs
        public final boolean putContent(javafx.util.Pair<javafx.scene.input.DataFormat, Object>... content) {
            values.clear();
            for (var pair : content) {
                values.put(pair.getKey(), pair.getValue());
            }
            return true;
        }

        @Override
        public Object getContent(javafx.scene.input.DataFormat format) {
            return values.get(format);
        }

        @Override
        public boolean hasContent(javafx.scene.input.DataFormat format) {
            return values.containsKey(format);
        }

        @Override
        public java.util.Set<TransferMode> getTransferModes() {
            return java.util.EnumSet.of(TransferMode.COPY);
        }

        @Override
        public void setDragView(javafx.scene.image.Image image) {
        }

        @Override
        public void setDragViewOffsetX(double offset) {
        }

        @Override
        public void setDragViewOffsetY(double offset) {
        }

        @Override
        public javafx.scene.image.Image getDragView() {
            return null;
        }

        @Override
        public double getDragViewOffsetX() {
            return 0;
        }

        @Override
        public double getDragViewOffsetY() {
            return 0;
        }
    }
}
