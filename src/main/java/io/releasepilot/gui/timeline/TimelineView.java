package io.releasepilot.gui.timeline;

import io.releasepilot.gui.common.Controls;
import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.common.StepHeader;
import io.releasepilot.gui.common.Styles;
import io.releasepilot.release.TimelineRow;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

import java.util.function.Function;

/** The Timeline: the planned RC date, the dated checklist with each row's state, and one's own rows. */
public final class TimelineView extends BorderPane {

    public TimelineView(TimelineViewModel model) {
        VBox header = StepHeader.of("timeline.title", "timeline.intro");

        TextField rcDate = Controls.textField("timelineRcDate", model.rcDateProperty());
        rcDate.setPromptText(Messages.get("timeline.date.hint"));
        Controls.fitPrompt(rcDate);
        Button setDate = new Button(Messages.get("timeline.setDate"));
        setDate.setId("timelineSetDate");
        setDate.setMinWidth(Region.USE_PREF_SIZE);
        setDate.disableProperty().bind(model.busyProperty());
        setDate.setOnAction(e -> model.setRcDate());
        HBox dateLine = new HBox(8, fixed("timeline.rcDate"), rcDate, setDate);
        dateLine.setAlignment(Pos.CENTER_LEFT);

        TableView<TimelineRow> table = new TableView<>(model.rows());
        table.setId("timelineRows");
        table.setPrefHeight(380);
        table.setPlaceholder(new Label(Messages.get("timeline.empty")));
        table.getColumns().add(column("timeline.col.number", r -> Integer.toString(r.number())));
        table.getColumns().add(column("timeline.col.date", r -> r.date().toString()));
        table.getColumns().add(column("timeline.col.offset", TimelineRow::offset));
        TableColumn<TimelineRow, String> what = column("timeline.col.what", TimelineRow::what);
        what.setPrefWidth(420);
        table.getColumns().add(what);
        table.getColumns().add(column("timeline.col.state", r -> Messages.get("timeline.state." + r.state().name())));
        TableColumn<TimelineRow, String> detail = column("timeline.col.detail", TimelineRow::detail);
        detail.setPrefWidth(260);
        table.getColumns().add(detail);

        Button done = new Button(Messages.get("timeline.toggleDone"));
        done.setId("timelineToggleDone");
        Button remove = new Button(Messages.get("timeline.remove"));
        remove.setId("timelineRemove");
        var ownSelected = javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            TimelineRow r = table.getSelectionModel().getSelectedItem();
            return r != null && r.added();
        }, table.getSelectionModel().selectedItemProperty());
        done.disableProperty().bind(ownSelected.not().or(model.busyProperty()));
        remove.disableProperty().bind(ownSelected.not().or(model.busyProperty()));
        done.setOnAction(e -> model.toggleDone(table.getSelectionModel().getSelectedItem()));
        remove.setOnAction(e -> model.remove(table.getSelectionModel().getSelectedItem()));

        TextField newDate = Controls.textField("timelineNewDate", model.newDateProperty());
        newDate.setPromptText(Messages.get("timeline.date.hint"));
        Controls.fitPrompt(newDate);
        TextField newText = Controls.textField("timelineNewText", model.newTextProperty());
        newText.setPromptText(Messages.get("timeline.text.hint"));
        HBox.setHgrow(newText, Priority.ALWAYS);
        Button add = new Button(Messages.get("timeline.add"));
        add.setId("timelineAdd");
        add.setMinWidth(Region.USE_PREF_SIZE);
        add.disableProperty().bind(model.busyProperty().or(model.newTextProperty().isEmpty()));
        add.setOnAction(e -> model.add());
        HBox addLine = new HBox(8, fixed("timeline.addRow"), newDate, newText, add);
        addLine.setAlignment(Pos.CENTER_LEFT);

        Label status = new Label();
        status.setId("timelineStatus");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        Label next = new Label(Messages.get("timeline.next"));
        next.setWrapText(true);
        next.getStyleClass().add(Styles.NEXT_HINT);

        VBox body = new VBox(10, dateLine, table, new HBox(8, done, remove), addLine, status, next);
        body.setPadding(new Insets(20));
        VBox.setVgrow(table, Priority.ALWAYS);
        setTop(header);
        setCenter(body);
    }

    private static Label fixed(String key) {
        Label l = new Label(Messages.get(key));
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static TableColumn<TimelineRow, String> column(String key, Function<TimelineRow, String> value) {
        TableColumn<TimelineRow, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setMinWidth(Math.ceil(new Text(c.getText()).getLayoutBounds().getWidth()) + 24);
        return c;
    }
}
