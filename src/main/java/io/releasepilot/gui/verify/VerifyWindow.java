package io.releasepilot.gui.verify;

import io.releasepilot.gui.common.DialogService;
import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.common.Resources;
import io.releasepilot.gui.common.Styles;
import io.releasepilot.gui.common.WindowPlacement;
import io.releasepilot.verify.Verifier;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Opens the Verify window; it needs no release workspace. */
public final class VerifyWindow {
    private VerifyWindow() {
    }

    public static VerifyView view(DialogService dialogs) {
        return new VerifyView(new VerifyViewModel(Verifier::new), dialogs);
    }

    public static Stage open(Window owner, DialogService dialogs) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(Messages.get("verify.title"));
        Scene scene = WindowPlacement.scene(view(dialogs), 1100, 780, owner);
        scene.getStylesheets().add(Resources.url(Styles.STYLESHEET));
        stage.setScene(scene);
        WindowPlacement.center(stage, owner);
        stage.show();
        return stage;
    }
}
