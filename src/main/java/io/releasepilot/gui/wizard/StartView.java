package io.releasepilot.gui.wizard;

import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.common.Styles;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** The first screen: start a release, open one (or a recent one), or verify someone else's candidate. */
public final class StartView extends VBox {
    private final ObservableList<String> recent = FXCollections.observableArrayList();

    /** What the start screen can lead to; {@code verify} is null while that window does not exist. */
    public record Actions(Runnable newRelease, Runnable openRelease, Consumer<Path> openRecent, Runnable verify) {
    }

    public StartView(Actions actions) {
        getStyleClass().add(Styles.START);
        setSpacing(14);
        setPadding(new Insets(32));
        setAlignment(Pos.TOP_LEFT);

        Label title = new Label(Messages.get("app.title"));
        title.getStyleClass().add(Styles.TITLE);
        Label intro = new Label(Messages.get("start.intro"));
        intro.getStyleClass().add(Styles.INTRO);
        intro.setWrapText(true);
        intro.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        Button newRelease = new Button(Messages.get("start.new"));
        newRelease.setId("newReleaseButton");
        newRelease.getStyleClass().add(Styles.BIG_BUTTON);
        newRelease.setOnAction(e -> actions.newRelease().run());
        Button open = new Button(Messages.get("start.open"));
        open.setId("openReleaseButton");
        open.getStyleClass().add(Styles.BIG_BUTTON);
        open.setOnAction(e -> actions.openRelease().run());
        HBox buttons = new HBox(12, newRelease, open);
        if (actions.verify() != null) {
            Button verify = new Button(Messages.get("start.verify"));
            verify.setId("verifyButton");
            verify.getStyleClass().add(Styles.BIG_BUTTON);
            verify.setOnAction(e -> actions.verify().run());
            buttons.getChildren().add(verify);
        }

        Label recentTitle = new Label(Messages.get("start.recent"));
        ListView<String> recentList = new ListView<>(recent);
        recentList.setId("recentList");
        recentList.setPrefHeight(180);
        recentList.setPlaceholder(new Label(Messages.get("start.recent.none")));
        recentList.setOnMouseClicked(e -> {
            String selected = recentList.getSelectionModel().getSelectedItem();
            if (selected != null && e.getClickCount() == 2) {
                actions.openRecent().accept(Path.of(selected));
            }
        });
        recentList.setOnKeyPressed(e -> {
            String selected = recentList.getSelectionModel().getSelectedItem();
            if (selected != null && e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                actions.openRecent().accept(Path.of(selected));
            }
        });
        getChildren().addAll(title, intro, buttons, recentTitle, recentList);
    }

    public void setRecent(List<String> folders) {
        recent.setAll(folders);
    }
}
