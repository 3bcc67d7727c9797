package io.releasepilot.gui.common;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/** The real dialogs, owned by the main window. */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> chooseDirectory(String title, Path initial) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        if (initial != null && Files.isDirectory(initial)) {
            chooser.setInitialDirectory(initial.toFile());
        }
        File f = chooser.showDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFile(String title, Path initial) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (initial != null && Files.isDirectory(initial)) {
            chooser.setInitialDirectory(initial.toFile());
        }
        File f = chooser.showOpenDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String initialName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(initialName);
        File f = chooser.showSaveDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public void showError(String title, String message, String details) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        alert.setTitle(title);
        alert.setHeaderText(title);
        if (details != null && !details.isBlank()) {
            TextArea area = new TextArea(details);
            area.setEditable(false);
            area.setWrapText(false);
            area.setPrefRowCount(14);
            alert.getDialogPane().setExpandableContent(area);
        }
        show(alert);
    }

    @Override
    public void showInfo(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, message, ButtonType.OK);
        alert.setTitle(title);
        alert.setHeaderText(title);
        show(alert);
    }

    @Override
    public boolean confirm(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, ButtonType.OK, ButtonType.CANCEL);
        alert.setTitle(title);
        alert.setHeaderText(title);
        return show(alert).filter(ButtonType.OK::equals).isPresent();
    }

    /**
     * Shows {@code alert} over the owner and waits. With a modal dialog, GTK freezes the owner's size and window
     * managers then un-maximize the main window (JDK-8332222, fixed only in JavaFX versions that need a newer Java).
     * So the dialog is modeless for the window system, and the owner's content is disabled while it is open, which
     * keeps the user on the dialog just as modality would.
     */
    private <R> Optional<R> show(javafx.scene.control.Dialog<R> alert) {
        Window w = owner.get();
        alert.initOwner(w);
        alert.initModality(Modality.NONE);
        Node content = w == null || w.getScene() == null ? null : w.getScene().getRoot();
        boolean wasDisabled = content != null && content.isDisable();
        if (content != null) {
            content.setDisable(true);
        }
        try {
            return alert.showAndWait();
        } finally {
            if (content != null) {
                content.setDisable(wasDisabled);
            }
        }
    }

    @Override
    public Optional<char[]> askPassword(String title, String message) {
        javafx.scene.control.Dialog<ButtonType> dialog = new javafx.scene.control.Dialog<>();
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        javafx.scene.control.PasswordField field = new javafx.scene.control.PasswordField();
        field.setId("passwordDialogField");
        javafx.scene.control.Label label = new javafx.scene.control.Label(message);
        label.setWrapText(true);
        dialog.getDialogPane().setContent(new javafx.scene.layout.VBox(8, label, field));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        javafx.application.Platform.runLater(field::requestFocus);
        boolean ok = show(dialog).filter(ButtonType.OK::equals).isPresent();
        char[] chars = field.getText().toCharArray();
        field.clear();
        if (!ok) {
            java.util.Arrays.fill(chars, '\0');
            return Optional.empty();
        }
        return Optional.of(chars);
    }
}
