package io.releasepilot.gui.common;

import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;

import java.util.function.Function;

/** Small builders for the controls the step views repeat. */
public final class Controls {
    private Controls() {
    }

    /** A text field with an id (for tests and accessibility), bound both ways to {@code property}. */
    public static TextField textField(String id, StringProperty property) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(property);
        return f;
    }

    /** A bar showing the progress of a step's long work, shown only while it runs. */
    public static javafx.scene.control.ProgressBar progress(
            javafx.beans.value.ObservableValue<? extends Number> value,
            javafx.beans.value.ObservableValue<Boolean> busy) {
        javafx.scene.control.ProgressBar bar = new javafx.scene.control.ProgressBar();
        bar.progressProperty().bind(value);
        bar.visibleProperty().bind(busy);
        return bar;
    }

    /** The Cancel button of a step's long work, shown only while it runs. */
    public static javafx.scene.control.Button cancel(javafx.beans.value.ObservableValue<Boolean> busy,
                                                     Runnable cancel) {
        javafx.scene.control.Button b = new javafx.scene.control.Button(Messages.get("stage.cancel"));
        b.visibleProperty().bind(busy);
        b.setOnAction(e -> cancel.run());
        return b;
    }

    /** A wrapping label with an id, showing {@code text} (a step's status or result line). */
    public static javafx.scene.control.Label text(String id, javafx.beans.value.ObservableValue<String> text) {
        javafx.scene.control.Label l = new javafx.scene.control.Label();
        l.setId(id);
        l.setWrapText(true);
        l.textProperty().bind(text);
        return l;
    }

    /** Keeps {@code field} at least as wide as its prompt text, so the hint is never cut off. */
    public static void fitPrompt(TextField field) {
        Runnable fit = () -> {
            Text text = new Text(field.getPromptText());
            text.setFont(field.getFont());
            double width = Math.ceil(text.getLayoutBounds().getWidth()) + field.snappedLeftInset()
                    + field.snappedRightInset() + 4;
            field.setMinWidth(width);
            field.setPrefWidth(Math.max(width, field.getPrefWidth()));
        };
        field.fontProperty().addListener(o -> fit.run());
        field.insetsProperty().addListener(o -> fit.run());
        field.promptTextProperty().addListener(o -> fit.run());
        fit.run();
    }

    /** A list showing {@code text} of each item, with a placeholder message while it is empty. */
    public static <T> ListView<T> list(String id, ObservableList<T> items, double height, String placeholderKey,
                                       Function<T, String> text) {
        ListView<T> list = new ListView<>(items);
        list.setId(id);
        list.setPrefHeight(height);
        list.setPlaceholder(new Label(Messages.get(placeholderKey)));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        });
        return list;
    }
}
