package io.releasepilot.gui.nextversion;

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
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Next version step: where the version is kept, the lines to move, the diff, then Commit. */
public final class NextVersionView extends BorderPane {

    public NextVersionView(NextVersionViewModel model) {
        VBox header = StepHeader.of("nextVersion.title", "nextVersion.intro");

        TextField file = Controls.textField("nextVersionFile", model.versionFileProperty());
        file.setPromptText(Messages.get("nextVersion.file.hint"));
        TextField main = Controls.textField("nextVersionMain", model.mainBranchProperty());
        main.setPrefColumnCount(12);
        Button preview = new Button(Messages.get("nextVersion.preview"));
        preview.setId("nextVersionPreview");
        preview.disableProperty().bind(model.busyProperty());
        preview.setOnAction(e -> model.preview());
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        GridPane.setHgrow(file, Priority.ALWAYS);
        form.addRow(0, fixed("nextVersion.file"), file);
        Label found = new Label(Messages.get("nextVersion.file.found"));
        found.setWrapText(true);
        found.getStyleClass().add(Styles.NEXT_HINT);
        form.add(found, 1, 1);
        form.addRow(2, fixed("nextVersion.main"), new HBox(8, main, preview));

        Label plan = Controls.text("nextVersionPlan", model.planProperty());
        TextArea diff = new TextArea();
        diff.setId("nextVersionDiff");
        diff.setEditable(false);
        diff.setPrefRowCount(14);
        diff.getStyleClass().add(Styles.PREVIEW);
        diff.textProperty().bind(model.diffProperty());

        Label readiness = Controls.text("nextVersionReadiness", model.readinessProperty());
        readiness.visibleProperty().bind(model.readinessProperty().isNotEmpty());
        readiness.managedProperty().bind(readiness.visibleProperty());
        javafx.scene.control.CheckBox force = new javafx.scene.control.CheckBox(Messages.get("nextVersion.force"));
        force.setId("nextVersionForce");
        force.setWrapText(true);
        force.selectedProperty().bindBidirectional(model.forceProperty());

        Button commit = new Button(Messages.get("nextVersion.commit"));
        commit.setId("nextVersionCommit");
        commit.disableProperty().bind(model.readyProperty().not().or(model.busyProperty()));
        commit.setOnAction(e -> model.commit());
        ProgressBar progress = Controls.progress(model.progressProperty(), model.busyProperty());
        Button cancel = Controls.cancel(model.busyProperty(), model::cancel);
        Button push = new Button(Messages.get("nextVersion.push"));
        push.setId("nextVersionPush");
        push.visibleProperty().bind(model.doneProperty().and(model.remoteProperty().isNotEmpty()));
        push.managedProperty().bind(push.visibleProperty());
        push.disableProperty().bind(model.busyProperty());
        push.setOnAction(e -> model.push());
        HBox actions = new HBox(10, commit, push, progress, cancel);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label status = Controls.text("nextVersionStatus", model.statusProperty());
        Label result = Controls.text("nextVersionResult", model.resultProperty());
        Label next = new Label(Messages.get("nextVersion.next"));
        next.setWrapText(true);
        next.getStyleClass().add(Styles.NEXT_HINT);
        next.visibleProperty().bind(model.doneProperty());

        VBox body = new VBox(10, form, new Label(Messages.get("nextVersion.lines")), plan, diff, readiness, force,
                actions, status, result, next);
        body.setPadding(new Insets(20));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        setTop(header);
        setCenter(scroll);
    }

    private static Label fixed(String key) {
        Label l = new Label(Messages.get(key));
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }
}
