package io.releasepilot.gui.sign;

import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.common.StepHeader;
import io.releasepilot.gui.common.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Sign step: key and backend, the artifacts, Sign all with progress, and what was written. */
public final class SignView extends BorderPane {

    public SignView(SignViewModel model) {
        VBox header = StepHeader.of("sign.title", "sign.intro");

        Label key = new Label();
        key.setId("signKey");
        key.textProperty().bind(Bindings.createStringBinding(() -> model.keyProperty().get().isBlank()
                ? Messages.get("sign.key.none") : Messages.get("sign.key", model.keyProperty().get()), model.keyProperty()));
        ToggleGroup backend = new ToggleGroup();
        RadioButton builtIn = new RadioButton(Messages.get("sign.builtIn"));
        builtIn.setToggleGroup(backend);
        builtIn.setSelected(true);
        RadioButton gnupg = new RadioButton(Messages.get("sign.gnupg"));
        gnupg.setId("signGnuPg");
        gnupg.setToggleGroup(backend);
        gnupg.selectedProperty().bindBidirectional(model.useGnuPgProperty());
        model.useGnuPgProperty().addListener((obs, old, now) -> builtIn.setSelected(!now));
        PasswordField passphrase = new PasswordField();
        passphrase.setId("signPassphrase");
        passphrase.setPromptText(Messages.get("sign.passphrase"));
        passphrase.disableProperty().bind(gnupg.selectedProperty());

        ListView<String> artifacts = new ListView<>(model.artifacts());
        artifacts.setId("signArtifacts");
        artifacts.setPrefHeight(120);
        artifacts.setPlaceholder(new Label(Messages.get("sign.none")));
        Button sign = new Button(Messages.get("sign.all"));
        sign.setId("signAll");
        sign.disableProperty().bind(model.busyProperty().or(Bindings.isEmpty(model.artifacts()))
                .or(model.keyProperty().isEmpty()));
        sign.setOnAction(e -> {
            model.signAll(passphrase.getText().toCharArray());
            passphrase.clear();
        });
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.busyProperty());
        Button cancel = new Button(Messages.get("sign.cancel"));
        cancel.visibleProperty().bind(model.busyProperty());
        cancel.setOnAction(e -> model.cancel());
        ListView<String> results = new ListView<>(model.results());
        results.setId("signResults");
        results.setPrefHeight(100);
        Label status = new Label();
        status.setId("signStatus");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());

        VBox body = new VBox(10, key, new HBox(16, builtIn, gnupg), passphrase,
                new Label(Messages.get("sign.artifacts")), artifacts, new HBox(10, sign, progress, cancel), results, status);
        body.setPadding(new Insets(20));
        setTop(header);
        setCenter(body);
    }
}
