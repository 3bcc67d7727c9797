package io.releasepilot.gui.notes;

import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.common.StepHeader;
import io.releasepilot.gui.common.Styles;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;

/** The Release notes step: tags, Generate, an editor beside its preview, and Save. */
public final class NotesView extends BorderPane {

    public NotesView(NotesViewModel model) {
        VBox header = StepHeader.of("notes.title", "notes.intro");
        ComboBox<String> from = combo("notesFrom", model);
        from.valueProperty().bindBidirectional(model.fromProperty());
        ComboBox<String> to = combo("notesTo", model);
        to.valueProperty().bindBidirectional(model.toProperty());
        Button generate = new Button(Messages.get("notes.generate"));
        generate.setId("notesGenerate");
        generate.disableProperty().bind(model.busyProperty());
        generate.setOnAction(e -> model.generate());
        HBox tags = new HBox(8, new Label(Messages.get("notes.from")), from, new Label(Messages.get("notes.to")), to,
                generate);

        TextArea editor = new TextArea();
        editor.setId("notesEditor");
        editor.textProperty().bindBidirectional(model.markdownProperty());
        TextFlow preview = new TextFlow();
        preview.setId("notesPreview");
        preview.setPadding(new Insets(8));
        model.markdownProperty().addListener((obs, old, now) -> MarkdownPreview.render(preview, now));
        MarkdownPreview.render(preview, model.markdownProperty().get());
        ScrollPane previewScroll = new ScrollPane(preview);
        previewScroll.setFitToWidth(true);
        SplitPane split = new SplitPane(editor, previewScroll);
        VBox.setVgrow(split, Priority.ALWAYS);

        Button save = new Button(Messages.get("notes.save"));
        save.setId("notesSave");
        save.disableProperty().bind(model.markdownProperty().isEmpty());
        save.setOnAction(e -> model.save());
        Label status = new Label();
        status.setId("notesStatus");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        VBox body = new VBox(10, tags, split, new HBox(10, save, status));
        body.setPadding(new Insets(20));
        setTop(header);
        setCenter(body);
    }

    private static ComboBox<String> combo(String id, NotesViewModel model) {
        ComboBox<String> c = new ComboBox<>(model.tags());
        c.setId(id);
        c.setEditable(true);
        c.setPrefWidth(200);
        return c;
    }
}
