package io.releasepilot.gui.branch;

import io.releasepilot.gui.common.Controls;
import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.common.StepHeader;
import io.releasepilot.gui.common.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Release branch step: the line to cut from, what will happen, then Cut (or Use) and Push. */
public final class BranchView extends BorderPane {

    public BranchView(BranchViewModel model) {
        VBox header = StepHeader.of("branch.title", "branch.intro");

        TextField from = Controls.textField("branchFrom", model.fromProperty());
        from.setPromptText(Messages.get("branch.from.hint"));
        from.setPrefColumnCount(24);
        Controls.fitPrompt(from);
        Button preview = new Button(Messages.get("branch.preview"));
        preview.setId("branchPreview");
        preview.disableProperty().bind(model.busyProperty());
        preview.setOnAction(e -> model.preview());
        Label fromLabel = new Label(Messages.get("branch.from"));
        fromLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox line = new HBox(8, fromLabel, from, preview);
        line.setAlignment(Pos.CENTER_LEFT);

        Label plan = new Label();
        plan.setId("branchPlan");
        plan.setWrapText(true);
        plan.getStyleClass().add(Styles.PREVIEW);
        plan.textProperty().bind(model.planProperty());

        Button apply = new Button();
        apply.setId("branchApply");
        apply.textProperty().bind(model.actionProperty());
        apply.disableProperty().bind(model.readyProperty().not().or(model.busyProperty()));
        apply.setOnAction(e -> model.apply());
        Button push = new Button(Messages.get("branch.push"));
        push.setId("branchPush");
        push.visibleProperty().bind(model.doneProperty().and(model.remoteProperty().isNotEmpty()));
        push.disableProperty().bind(model.busyProperty());
        push.setOnAction(e -> model.push());
        ProgressBar progress = Controls.progress(model.progressProperty(), model.busyProperty());
        Button cancel = Controls.cancel(model.busyProperty(), model::cancel);
        HBox actions = new HBox(10, apply, push, progress, cancel);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label status = Controls.text("branchStatus", model.statusProperty());
        Label result = Controls.text("branchResult", model.resultProperty());
        Label next = new Label(Messages.get("branch.next"));
        next.setWrapText(true);
        next.getStyleClass().add(Styles.NEXT_HINT);
        next.visibleProperty().bind(model.doneProperty());

        VBox body = new VBox(10, line, new Label(Messages.get("branch.what")), plan, actions, status, result, next);
        body.setPadding(new Insets(20));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        setTop(header);
        setCenter(scroll);
    }
}
