package io.releasepilot.gui.publish;

import io.releasepilot.gui.common.Controls;
import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.common.StepHeader;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The Publish step: the move that will happen, the vote gate (or an override reason), the result, the PMC request. */
public final class PublishView extends BorderPane {

    public PublishView(PublishViewModel model) {
        VBox header = StepHeader.of("publish.title", "publish.intro");
        TextArea preview = new TextArea();
        preview.setId("publishPreview");
        preview.setEditable(false);
        preview.setPrefRowCount(6);
        preview.textProperty().bind(model.previewProperty());
        TextField override = new TextField();
        override.setId("publishOverride");
        override.setPromptText(Messages.get("publish.override"));
        override.visibleProperty().bind(model.tallyPassedProperty().not());
        model.overrideProperty().bind(override.textProperty());
        Button publish = new Button(Messages.get("publish.button"));
        publish.setId("publishButton");
        publish.disableProperty().bind(model.readyProperty().not().or(model.busyProperty())
                .or(model.tallyPassedProperty().not().and(override.textProperty().isEmpty())));
        publish.setOnAction(e -> model.publish());
        ProgressBar progress = Controls.progress(model.progressProperty(), model.busyProperty());
        Button cancel = Controls.cancel(model.busyProperty(), model::cancel);
        Label status = Controls.text("publishStatus", model.statusProperty());
        TextArea request = new TextArea();
        request.setId("publishRequest");
        request.setEditable(false);
        request.setPrefRowCount(9);
        request.textProperty().bind(model.pmcRequestProperty());
        request.visibleProperty().bind(Bindings.isNotEmpty(model.pmcRequestProperty()));
        request.managedProperty().bind(request.visibleProperty());
        Label result = Controls.text("publishResult", model.resultProperty());
        Label next = new Label(Messages.get("publish.next"));
        next.setWrapText(true);
        next.visibleProperty().bind(model.publishedProperty());
        VBox body = new VBox(10, new Label(Messages.get("stage.preview")), preview, override,
                new HBox(10, publish, progress, cancel), status, request, result, next);
        body.setPadding(new Insets(20));
        setTop(header);
        setCenter(body);
    }
}
