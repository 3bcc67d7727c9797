package io.releasepilot.gui.wizard;

import io.releasepilot.core.DataFileException;
import io.releasepilot.release.ReleaseStore;
import io.releasepilot.gui.common.DialogService;
import io.releasepilot.gui.common.ErrorPresenter;
import io.releasepilot.gui.common.Messages;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.HBox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The main window's content: the start screen, or the wizard for the open release. The list of steps comes
 * from the composition root, so this package knows no step.
 */
public final class MainWindow extends BorderPane {
    private final ReleaseSession session;
    private final DialogService dialogs;
    private final ErrorPresenter errors;
    private final Supplier<List<WizardStep>> stepFactory;
    private final StartView start;
    private final Label releaseLabel = new Label();

    public MainWindow(ReleaseSession session, DialogService dialogs, Supplier<List<WizardStep>> stepFactory,
                      Runnable verify) {
        this.session = session;
        this.dialogs = dialogs;
        this.errors = new ErrorPresenter(dialogs);
        this.stepFactory = stepFactory;
        this.start = new StartView(new StartView.Actions(this::newRelease, this::openRelease, this::open, verify));
        session.settingsProperty().addListener((obs, old, now) -> start.setRecent(now.recentWorkspaces()));
        start.setRecent(session.settingsProperty().get().recentWorkspaces());
        showStart();
    }

    public void showStart() {
        setTop(null);
        setCenter(start);
    }

    private void showWizard() {
        Button home = new Button(Messages.get("wizard.home"));
        home.setId("homeButton");
        home.setOnAction(e -> showStart());
        releaseLabel.setText(session.workspaceProperty().get().dir().toString());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        setTop(new ToolBar(home, spacer, releaseLabel));
        setCenter(new WizardShell(stepFactory.get(), session));
    }

    private void newRelease() {
        dialogs.chooseDirectory(Messages.get("start.new.choose"), null).ifPresent(dir -> {
            if (Files.exists(dir.resolve(io.releasepilot.release.Workspace.RELEASE_FILE))) {
                if (dialogs.confirm(Messages.get("start.new.exists.title"), Messages.get("start.new.exists", dir))) {
                    open(dir);
                }
                return;
            }
            try {
                ReleaseStore.checkNewFolder(dir);
            } catch (DataFileException e) {
                errors.show(Messages.get("start.new.refused"), e);
                return;
            }
            session.startNew(dir);
            session.statusProperty().set(Messages.get("status.new", dir));
            showWizard();
        });
    }

    private void openRelease() {
        dialogs.chooseDirectory(Messages.get("start.open.choose"), null).ifPresent(this::open);
    }

    private void open(Path dir) {
        try {
            session.open(dir);
            session.statusProperty().set(Messages.get("status.opened", dir));
            showWizard();
        } catch (DataFileException e) {
            errors.show(Messages.get("start.open.failed"), e);
            if (session.settingsProperty().get().recentWorkspaces().contains(dir.toString())
                    && dialogs.confirm(Messages.get("start.recent.remove.title"),
                    Messages.get("start.recent.remove", dir))) {
                session.forget(dir);
            }
        }
    }
}
