package io.releasepilot.gui.check;

import io.releasepilot.gui.common.DialogService;
import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.common.StepHeader;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Check step: an optional KEYS file, Check with progress and cancel, and every finding. */
public final class CheckView extends BorderPane {

    public CheckView(CheckViewModel model, DialogService dialogs) {
        TextField keys = new TextField();
        keys.setId("checkKeys");
        keys.setPromptText(Messages.get("check.keys.prompt"));
        keys.textProperty().bindBidirectional(model.keysFileProperty());
        HBox.setHgrow(keys, Priority.ALWAYS);
        Button browse = new Button(Messages.get("check.keys.browse"));
        browse.setOnAction(e -> dialogs.chooseFile(Messages.get("check.keys"), null)
                .ifPresent(p -> keys.setText(p.toString())));

        Button run = new Button(Messages.get("check.run"));
        run.setId("checkRun");
        run.disableProperty().bind(model.busyProperty());
        run.setOnAction(e -> model.check());
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.busyProperty());
        Button cancel = new Button(Messages.get("check.cancel"));
        cancel.visibleProperty().bind(model.busyProperty());
        cancel.setOnAction(e -> model.cancel());

        ListView<String> results = new ListView<>(model.results());
        results.setId("checkResults");
        results.setPlaceholder(new Label(Messages.get("check.none")));
        VBox.setVgrow(results, Priority.ALWAYS);
        Label status = new Label();
        status.setId("checkStatus");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());

        VBox body = new VBox(10, new Label(Messages.get("check.keys")), new HBox(8, keys, browse),
                new HBox(10, run, progress, cancel), results, status);
        body.setPadding(new Insets(20));
        setTop(StepHeader.of("check.title", "check.intro"));
        setCenter(body);
    }
}
