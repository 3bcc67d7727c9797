package io.releasepilot.gui.prune;

import io.releasepilot.gui.common.Controls;
import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.common.StepHeader;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The Prune step: the folders proposed for removal (untick to keep), Remove, the result. */
public final class PruneView extends BorderPane {

    public PruneView(PruneViewModel model) {
        VBox header = StepHeader.of("prune.title", "prune.intro");
        ListView<PruneViewModel.Row> list = new ListView<>(model.rows());
        list.setId("pruneList");
        list.setPrefHeight(200);
        list.setCellFactory(CheckBoxListCell.forListView(PruneViewModel.Row::removeProperty));
        list.setPlaceholder(new Label(Messages.get("prune.none")));
        Button prune = new Button(Messages.get("prune.button"));
        prune.setId("pruneButton");
        prune.disableProperty().bind(model.readyProperty().not().or(model.busyProperty()));
        prune.setOnAction(e -> model.prune());
        ProgressBar progress = Controls.progress(model.progressProperty(), model.busyProperty());
        Button cancel = Controls.cancel(model.busyProperty(), model::cancel);
        Label status = Controls.text("pruneStatus", model.statusProperty());
        Label result = Controls.text("pruneResult", model.resultProperty());
        Label next = new Label(Messages.get("prune.next"));
        next.setWrapText(true);
        next.visibleProperty().bind(model.prunedProperty());
        VBox body = new VBox(10, new Label(Messages.get("prune.proposal")), list, new HBox(10, prune, progress, cancel),
                status, result, next);
        body.setPadding(new Insets(20));
        setTop(header);
        setCenter(body);
    }
}
