package io.releasepilot.gui.source;

import io.releasepilot.gui.common.Controls;
import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.common.StepHeader;
import io.releasepilot.gui.common.Styles;
import io.releasepilot.source.PreflightCheck;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Source step: tag, what is left out, pre-flight with fixes, build with progress, the resulting files. */
public final class SourceView extends BorderPane {

    public SourceView(SourceViewModel model) {
        VBox header = StepHeader.of("source.title", "source.intro");

        ComboBox<String> tag = new ComboBox<>(model.tags());
        tag.setId("sourceTag");
        tag.setEditable(true);
        tag.valueProperty().bindBidirectional(model.tagProperty());
        tag.setPrefWidth(260);

        GridPane options = new GridPane();
        options.setHgap(10);
        options.setVgap(6);
        int row = 0;
        options.addRow(row++, new Label(Messages.get("source.tag")), tag);
        options.addRow(row++, new Label(Messages.get("source.dotFiles")), field("sourceDotFiles", model.dotFilesProperty()));
        options.addRow(row++, new Label(Messages.get("source.removals")), field("sourceRemovals", model.removalsProperty()));
        options.addRow(row++, new Label(Messages.get("source.versionFile")),
                field("sourceVersionFile", model.versionFileProperty()));
        options.addRow(row++, new Label(Messages.get("source.versionPattern")),
                field("sourceVersionPattern", model.versionPatternProperty()));
        TextField namePattern = field("sourceNamePattern", model.namePatternProperty());
        namePattern.setPromptText(Messages.get("source.namePattern.prompt"));
        options.addRow(row++, new Label(Messages.get("source.namePattern")), namePattern);
        CheckBox submodules = new CheckBox(Messages.get("source.submodules"));
        submodules.selectedProperty().bindBidirectional(model.submodulesProperty());
        CheckBox zip = new CheckBox(Messages.get("source.zip"));
        zip.setId("sourceZip");
        zip.selectedProperty().bindBidirectional(model.zipProperty());
        options.add(new HBox(16, submodules, zip), 1, row);

        Button check = new Button(Messages.get("source.check"));
        check.setId("sourceCheck");
        check.disableProperty().bind(model.busyProperty());
        check.setOnAction(e -> model.runPreflight());
        ListView<PreflightCheck> checks = Controls.list("sourceChecks", model.checks(), 150, "source.checks.none",
                c -> (c.passed() ? "\u2714 " : c.blocking() ? "\u2716 " : "\u26A0 ") + c.name() + ": " + c.message()
                        + (c.passed() ? "" : "\n    " + Messages.get("source.fix") + " " + c.fix()));
        TextArea preview = new TextArea();
        preview.setId("sourcePreview");
        preview.setEditable(false);
        preview.setPrefRowCount(6);
        preview.textProperty().bind(model.previewProperty());

        Button build = new Button(Messages.get("source.build"));
        build.setId("sourceBuild");
        build.disableProperty().bind(model.busyProperty().or(model.preflightPassedProperty().not()));
        build.setOnAction(e -> model.build());
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.busyProperty());
        Button cancel = new Button(Messages.get("source.cancel"));
        cancel.setId("sourceCancel");
        cancel.visibleProperty().bind(model.busyProperty());
        cancel.setOnAction(e -> model.cancel());
        ListView<String> results = new ListView<>(model.results());
        results.setId("sourceResults");
        results.setPrefHeight(80);
        results.setPlaceholder(new Label(Messages.get("source.results.none")));

        VBox checkBox = new VBox(8, new HBox(10, check), checks, new Label(Messages.get("source.preview.title")), preview);
        VBox buildBox = new VBox(8, new HBox(10, build, progress, cancel), results);
        VBox body = new VBox(12, titled("source.section.what", options), titled("source.section.tag", tagBox(model)),
                titled("source.section.check", checkBox), titled("source.section.build", buildBox));
        body.setPadding(new Insets(0, 20, 20, 20));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);

        Label status = new Label();
        status.setId("sourceStatus");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        VBox footer = new VBox(status);
        footer.setPadding(new Insets(8, 20, 8, 20));
        setTop(header);
        setCenter(scroll);
        setBottom(footer);
    }

    private static VBox tagBox(SourceViewModel model) {
        Label help = new Label(Messages.get("source.tag.help"));
        help.setWrapText(true);
        TextField commit = field("tagCommit", model.tagCommitProperty());
        CheckBox sign = new CheckBox(Messages.get("source.tag.sign"));
        sign.setId("tagSign");
        PasswordField passphrase = new PasswordField();
        passphrase.setId("tagPassphrase");
        passphrase.setPromptText(Messages.get("source.tag.passphrase"));
        passphrase.disableProperty().bind(sign.selectedProperty().not());
        Button create = new Button(Messages.get("source.tag.create"));
        create.setId("tagCreate");
        create.disableProperty().bind(model.busyProperty());
        create.setOnAction(e -> {
            model.createTag(sign.isSelected(), passphrase.getText().toCharArray());
            passphrase.clear();
        });
        TextField remote = field("tagRemote", model.remoteProperty());
        TextField user = field("tagUser", model.usernameProperty());
        user.setPromptText(Messages.get("source.push.user"));
        PasswordField password = new PasswordField();
        password.setId("tagPassword");
        password.setPromptText(Messages.get("source.push.password"));
        Controls.fitPrompt(password);
        Button push = new Button(Messages.get("source.push"));
        push.setId("tagPush");
        push.disableProperty().bind(model.busyProperty());
        push.setOnAction(e -> {
            model.pushTag(password.getText().toCharArray());
            password.clear();
        });
        return new VBox(8, help, new HBox(8, new Label(Messages.get("source.tag.commit")), commit, sign, passphrase,
                create), new HBox(8, new Label(Messages.get("source.push.remote")), remote, user, password, push));
    }

    private static TitledPane titled(String key, javafx.scene.Node content) {
        TitledPane pane = new TitledPane(Messages.get(key), content);
        pane.setCollapsible(false);
        return pane;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty property) {
        TextField f = Controls.textField(id, property);
        GridPane.setHgrow(f, Priority.ALWAYS);
        return f;
    }
}
