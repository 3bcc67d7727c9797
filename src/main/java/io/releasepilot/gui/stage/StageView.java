package io.releasepilot.gui.stage;

import io.releasepilot.gui.common.Controls;
import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.common.StepHeader;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The Stage step: what will be committed, Stage with progress and Cancel, the result and what comes next. */
public final class StageView extends BorderPane {

    public StageView(StageViewModel model) {
        VBox header = StepHeader.of("stage.title", "stage.intro");
        TextArea preview = new TextArea();
        preview.setId("stagePreview");
        preview.setEditable(false);
        preview.setPrefRowCount(7);
        preview.textProperty().bind(model.previewProperty());
        Button stage = new Button(Messages.get("stage.button"));
        stage.setId("stageButton");
        stage.disableProperty().bind(model.canStageProperty().not().or(model.busyProperty()));
        stage.setOnAction(e -> model.stage());
        ProgressBar progress = Controls.progress(model.progressProperty(), model.busyProperty());
        Button cancel = Controls.cancel(model.busyProperty(), model::cancel);
        cancel.setId("stageCancel");
        Label status = Controls.text("stageStatus", model.statusProperty());
        Label result = Controls.text("stageResult", model.resultProperty());
        Label next = new Label(Messages.get("stage.next"));
        next.setWrapText(true);
        next.visibleProperty().bind(model.stagedProperty());
        VBox body = new VBox(10, new Label(Messages.get("stage.preview")), preview, new HBox(10, stage, progress, cancel),
                status, result, next);
        body.setPadding(new Insets(20));
        setTop(header);
        setCenter(body);
    }
}
