package io.releasepilot.gui.common;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The top of every step's pane: its title, and two or three sentences on what it does and why. */
public final class StepHeader {
    private StepHeader() {
    }

    public static VBox of(String titleKey, String introKey, Node... more) {
        Label title = new Label(Messages.get(titleKey));
        title.getStyleClass().add(Styles.TITLE);
        Label intro = new Label(Messages.get(introKey));
        intro.getStyleClass().add(Styles.INTRO);
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(8, title, intro);
        box.getChildren().addAll(more);
        box.setPadding(new Insets(20, 20, 8, 20));
        return box;
    }
}
