package io.releasepilot.gui.tally;

import io.releasepilot.gui.common.Controls;
import io.releasepilot.gui.common.DialogService;
import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.common.StepHeader;
import io.releasepilot.gui.common.Styles;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * The Tally step: where the thread is (mbox, .eml folder, Pony Mail folder, link), the roster, the alias list,
 * Count; then the table of voters with the line that counted, the totals and the verdict, the flags for the RM
 * to decide (with why), and a countdown while the vote is open.
 */
public final class TallyView extends BorderPane {

    public TallyView(TallyViewModel model, DialogService dialogs) {
        VBox header = StepHeader.of("tally.title", "tally.intro");

        ChoiceBox<TallyViewModel.SourceKind> kind = new ChoiceBox<>();
        kind.setId("tallySourceKind");
        kind.getItems().setAll(TallyViewModel.SourceKind.values());
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(TallyViewModel.SourceKind k) {
                return k == null ? "" : Messages.get("tally.source." + k.name().toLowerCase(java.util.Locale.ROOT));
            }

            @Override
            public TallyViewModel.SourceKind fromString(String s) {
                return null;
            }
        });
        kind.valueProperty().bindBidirectional(model.sourceKindProperty());
        TextField source = Controls.textField("tallySource", model.sourceProperty());
        source.setPrefColumnCount(40);
        Button chooseSource = new Button(Messages.get("tally.choose"));
        chooseSource.setId("tallyChooseSource");
        chooseSource.setOnAction(e -> {
            var chosen = switch (model.sourceKindProperty().get()) {
                case MBOX -> dialogs.chooseFile(Messages.get("tally.source.mbox"), null);
                case EML, PONYMAIL -> dialogs.chooseDirectory(Messages.get("tally.choose"), null);
                case URL -> java.util.Optional.<Path>empty();
            };
            chosen.ifPresent(p -> model.sourceProperty().set(p.toString()));
        });
        TextField roster = Controls.textField("tallyRoster", model.rosterFileProperty());
        Button chooseRoster = new Button(Messages.get("tally.choose"));
        chooseRoster.setId("tallyChooseRoster");
        chooseRoster.setOnAction(e -> dialogs.chooseFile(Messages.get("tally.roster"), null)
                .ifPresent(p -> model.rosterFileProperty().set(p.toString())));
        TextField info = Controls.textField("tallyCommitteeInfo", model.committeeInfoProperty());
        TextField committee = Controls.textField("tallyCommittee", model.committeeProperty());
        TextArea aliases = new TextArea();
        aliases.setId("tallyAliases");
        aliases.setPrefRowCount(2);
        aliases.setPromptText(Messages.get("tally.aliases.prompt"));
        aliases.textProperty().bindBidirectional(model.aliasesProperty());

        javafx.scene.control.CheckBox ipmc = new javafx.scene.control.CheckBox(Messages.get("tally.ipmcRound"));
        ipmc.setId("tallyIpmcRound");
        ipmc.setWrapText(true);
        ipmc.selectedProperty().bindBidirectional(model.ipmcRoundProperty());
        ipmc.selectedProperty().addListener((obs, old, now) -> model.enter());

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        kind.setMinWidth(Region.USE_PREF_SIZE);
        chooseSource.setMinWidth(Region.USE_PREF_SIZE);
        chooseRoster.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(source, Priority.ALWAYS);
        HBox.setHgrow(roster, Priority.ALWAYS);
        form.addRow(0, fixed("tally.source"), new HBox(8, kind, source, chooseSource));
        form.addRow(1, fixed("tally.roster"), new HBox(8, roster, chooseRoster));
        form.addRow(2, fixed("tally.committeeInfo"), new HBox(8, info, fixed("tally.committee"), committee));
        form.addRow(3, fixed("tally.aliases"), aliases);
        form.addRow(4, new Label(), ipmc);

        Button count = new Button(Messages.get("tally.count"));
        count.setId("tallyCount");
        count.disableProperty().bind(model.busyProperty());
        count.setOnAction(e -> model.count());
        Label status = label("tallyStatus", "");
        status.textProperty().bind(model.statusProperty());

        TableView<TallyViewModel.VoterRow> table = new TableView<>(model.voters());
        table.setId("tallyVoters");
        table.setPrefHeight(220);
        table.getColumns().add(column("tally.col.name", TallyViewModel.VoterRow::name));
        table.getColumns().add(column("tally.col.email", TallyViewModel.VoterRow::email));
        table.getColumns().add(column("tally.col.vote", TallyViewModel.VoterRow::vote));
        table.getColumns().add(column("tally.col.binding", TallyViewModel.VoterRow::binding));
        table.getColumns().add(column("tally.col.line", TallyViewModel.VoterRow::line));
        table.getColumns().add(column("tally.col.date", TallyViewModel.VoterRow::date));
        table.getColumns().add(column("tally.col.earlier", TallyViewModel.VoterRow::earlier));

        Label totals = label("tallyTotals", "");
        totals.textProperty().bind(model.totalsProperty());
        Label verdict = label("tallyVerdict", "");
        verdict.textProperty().bind(model.verdictProperty());
        verdict.getStyleClass().add(Styles.NEXT_HINT);
        Label countdown = label("tallyCountdown", "");
        countdown.textProperty().bind(model.countdownProperty());

        TableView<TallyViewModel.FlagRow> flagTable = new TableView<>(model.flags());
        flagTable.setId("tallyFlags");
        flagTable.setPrefHeight(150);
        flagTable.getColumns().add(flagColumn("tally.col.sender", TallyViewModel.FlagRow::sender));
        flagTable.getColumns().add(flagColumn("tally.col.reason", TallyViewModel.FlagRow::reason));
        flagTable.getColumns().add(flagColumn("tally.col.line", TallyViewModel.FlagRow::line));
        flagTable.getColumns().add(flagColumn("tally.col.decision", TallyViewModel.FlagRow::decision));
        ChoiceBox<String> decision = new ChoiceBox<>();
        decision.setId("tallyDecision");
        decision.getItems().setAll("+1", "+0", "0", "-0", "-1", "none");
        decision.valueProperty().bindBidirectional(model.decisionProperty());
        TextField why = Controls.textField("tallyWhy", model.whyProperty());
        why.setPromptText(Messages.get("tally.why.prompt"));
        why.setPrefColumnCount(30);
        Button decide = new Button(Messages.get("tally.decide"));
        decide.setId("tallyDecide");
        decide.disableProperty().bind(model.busyProperty().or(flagTable.getSelectionModel().selectedItemProperty().isNull()));
        decide.setOnAction(e -> model.decide(flagTable.getSelectionModel().getSelectedItem()));

        Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
        sceneProperty().addListener((obs, old, now) -> {
            if (now == null) {
                ticker.stop();
            } else {
                ticker.play();
            }
        });

        VBox body = new VBox(10, form, new HBox(10, count, status), countdown, table, totals, verdict,
                new Label(Messages.get("tally.flags")), flagTable,
                new HBox(8, new Label(Messages.get("tally.decideAs")), decision, why, decide));
        body.setPadding(new Insets(20));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        setTop(header);
        setCenter(scroll);
    }

    /** A label that keeps its whole text (the field beside it gives way). */
    private static Label fixed(String key) {
        Label l = new Label(Messages.get(key));
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** Keeps a column at least as wide as its header, so the header is never cut off. */
    private static <R> TableColumn<R, String> headerWide(TableColumn<R, String> c) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(c.getText());
        c.setMinWidth(Math.ceil(t.getLayoutBounds().getWidth()) + 24);
        return c;
    }

    private static Label label(String id, String text) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        return l;
    }

    private static TableColumn<TallyViewModel.VoterRow, String> column(String key,
                                                                        Function<TallyViewModel.VoterRow, String> value) {
        TableColumn<TallyViewModel.VoterRow, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return headerWide(c);
    }

    private static TableColumn<TallyViewModel.FlagRow, String> flagColumn(String key,
                                                                          Function<TallyViewModel.FlagRow, String> value) {
        TableColumn<TallyViewModel.FlagRow, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return headerWide(c);
    }
}
