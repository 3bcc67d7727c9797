package io.releasepilot.app;

import io.releasepilot.core.AppHome;
import io.releasepilot.gui.common.ErrorPresenter;
import io.releasepilot.gui.common.FxDialogService;
import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.common.Resources;
import io.releasepilot.gui.common.Styles;
import io.releasepilot.gui.common.WindowPlacement;
import io.releasepilot.gui.verify.VerifyWindow;
import io.releasepilot.gui.wizard.MainWindow;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

import java.nio.file.Path;

/** The JavaFX application: one main window. */
public final class ReleasePilotApp extends Application {
    private static volatile Path explicitHome;

    /** Starts the GUI; {@code home} overrides the settings folder (null: RELEASE_PILOT_HOME or the OS default). */
    public static void launchWith(Path home) {
        explicitHome = home;
        Application.launch(ReleasePilotApp.class);
    }

    @Override
    public void start(Stage stage) {
        FxDialogService dialogs = new FxDialogService(() -> stage);
        new ErrorPresenter(dialogs).installAsUncaughtHandler();
        MainWindow window = Composition.mainWindow(AppHome.resolve(explicitHome), dialogs,
                () -> VerifyWindow.open(stage, dialogs));
        Scene scene = WindowPlacement.scene(window, 1100, 760, null);
        scene.getStylesheets().add(Resources.url(Styles.STYLESHEET));
        stage.setTitle(Messages.get("app.title"));
        stage.getIcons().add(new Image(Resources.url("/io/releasepilot/gui/icon.png")));
        stage.setScene(scene);
        WindowPlacement.center(stage, null);
        stage.show();
    }
}
