package io.releasepilot.gui.verify;

import io.releasepilot.gui.common.DialogService;
import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.common.Styles;
import io.releasepilot.verify.Severity;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The Verify window: a drop zone, the KEYS file, a table of artifacts with a status per check, details of the
 * selected one, a summary banner and a vote-reply draft to copy.
 */
public final class VerifyView extends BorderPane {
    private static final String OK = "\u2714 ";
    private static final String FAIL = "\u2716 ";
    private static final String WARN = "\u26A0 ";

    public VerifyView(VerifyViewModel model, DialogService dialogs) {
        Label title = new Label(Messages.get("verify.title"));
        title.getStyleClass().add(Styles.TITLE);
        Label intro = new Label(Messages.get("verify.intro"));
        intro.getStyleClass().add(Styles.INTRO);
        intro.setWrapText(true);
        intro.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        Label dropText = new Label(Messages.get("verify.drop"));
        Label dropFolder = new Label();
        dropFolder.setId("verifyFolder");
        dropFolder.textProperty().bind(Bindings.createStringBinding(() -> model.folderProperty().get() == null
                ? Messages.get("verify.drop.none") : model.folderProperty().get().toString(), model.folderProperty()));
        Button choose = new Button(Messages.get("verify.choose"));
        choose.setId("chooseFolder");
        choose.setOnAction(e -> dialogs.chooseDirectory(Messages.get("verify.choose"), null).ifPresent(model::drop));
        TextField url = new TextField();
        url.setId("verifyUrl");
        url.setPromptText(Messages.get("verify.url.prompt"));
        url.setPrefColumnCount(48);
        url.textProperty().bindBidirectional(model.urlProperty());
        url.setOnAction(e -> model.startUrl());
        Button fetch = new Button(Messages.get("verify.url.run"));
        fetch.setId("verifyUrlRun");
        fetch.disableProperty().bind(model.urlProperty().isEmpty().or(model.runningProperty()));
        fetch.setOnAction(e -> model.startUrl());
        HBox urlRow = new HBox(8, new Label(Messages.get("verify.url")), url, fetch);
        urlRow.setAlignment(Pos.CENTER);
        VBox dropZone = new VBox(8, dropText, dropFolder, choose, urlRow);
        dropZone.setId("dropZone");
        dropZone.setAlignment(Pos.CENTER);
        dropZone.getStyleClass().add(Styles.DROP_ZONE);
        dropZone.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && !model.runningProperty().get()) {
                e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
                if (!dropZone.getStyleClass().contains(Styles.DROP_ZONE_ACTIVE)) {
                    dropZone.getStyleClass().add(Styles.DROP_ZONE_ACTIVE);
                }
            }
            e.consume();
        });
        dropZone.setOnDragExited(e -> dropZone.getStyleClass().remove(Styles.DROP_ZONE_ACTIVE));
        dropZone.setOnDragDropped(e -> drop(e, model));

        TextField keys = new TextField();
        keys.setId("keysFile");
        keys.setPromptText(Messages.get("verify.keys.prompt"));
        keys.textProperty().bindBidirectional(model.keysFileProperty());
        HBox.setHgrow(keys, Priority.ALWAYS);
        Button chooseKeys = new Button(Messages.get("verify.keys.choose"));
        chooseKeys.setId("chooseKeys");
        chooseKeys.setOnAction(e -> dialogs.chooseFile(Messages.get("verify.keys.choose"), null)
                .map(Path::toString).ifPresent(model.keysFileProperty()::set));
        CheckBox incubating = new CheckBox(Messages.get("verify.incubating"));
        incubating.setId("incubating");
        incubating.selectedProperty().bindBidirectional(model.incubatingProperty());
        Button again = new Button(Messages.get("verify.run"));
        again.setId("verifyRun");
        again.disableProperty().bind(model.folderProperty().isNull().or(model.runningProperty()));
        again.setOnAction(e -> model.start());
        HBox options = new HBox(8, new Label(Messages.get("verify.keys")), keys, chooseKeys, incubating, again);
        options.setAlignment(Pos.CENTER_LEFT);

        Label banner = new Label();
        banner.setId("verifyBanner");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setWrapText(true);
        banner.setMinHeight(Region.USE_PREF_SIZE);
        banner.textProperty().bind(model.bannerProperty());
        banner.visibleProperty().bind(model.bannerProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        model.outcomeProperty().addListener((obs, old, now) -> {
            banner.getStyleClass().removeAll(Styles.BANNER_OK, Styles.BANNER_WARN, Styles.BANNER_FAIL);
            switch (now) {
                case PASSED -> banner.getStyleClass().add(Styles.BANNER_OK);
                case PASSED_WITH_WARNINGS -> banner.getStyleClass().add(Styles.BANNER_WARN);
                case FAILED -> banner.getStyleClass().add(Styles.BANNER_FAIL);
                case INCOMPLETE -> banner.getStyleClass().add(Styles.BANNER_WARN);
                default -> { }
            }
        });

        ProgressBar progress = new ProgressBar();
        progress.setId("verifyProgress");
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.runningProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Button cancel = new Button(Messages.get("verify.cancel"));
        cancel.setId("verifyCancel");
        cancel.visibleProperty().bind(model.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> model.cancel());
        Label status = new Label();
        status.setId("verifyStatus");
        status.textProperty().bind(model.statusProperty());
        HBox progressRow = new HBox(8, progress, cancel, status);
        progressRow.setAlignment(Pos.CENTER_LEFT);

        TableView<ArtifactRow> table = table(model);
        TextArea details = new TextArea();
        details.setId("verifyDetails");
        details.setEditable(false);
        details.setWrapText(true);
        details.setPromptText(Messages.get("verify.details.prompt"));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) ->
                details.setText(row == null ? "" : row.details()));
        TextArea general = new TextArea();
        general.setId("verifyFolderFindings");
        general.setEditable(false);
        general.setWrapText(true);
        general.textProperty().bind(model.generalFindingsProperty());
        TextArea reply = new TextArea();
        reply.setId("voteReply");
        reply.textProperty().bindBidirectional(model.voteReplyProperty());
        Tab detailsTab = new Tab(Messages.get("verify.tab.details"), details);
        Tab folderTab = new Tab(Messages.get("verify.tab.folder"), general);
        Tab replyTab = new Tab(Messages.get("verify.tab.reply"), reply);
        TabPane tabs = new TabPane(detailsTab, folderTab, replyTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane split = new SplitPane(table, tabs);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        VBox.setVgrow(split, Priority.ALWAYS);

        Button copy = new Button(Messages.get("verify.copy"));
        copy.setId("copyVoteReply");
        copy.disableProperty().bind(model.voteReplyProperty().isEmpty());
        Label next = new Label();
        next.getStyleClass().add(Styles.NEXT_HINT);
        next.setWrapText(true);
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(model.voteReplyProperty().get());
            Clipboard.getSystemClipboard().setContent(content);
            next.setText(Messages.get("verify.copied"));
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox actions = new HBox(10, copy, next, spacer);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox body = new VBox(10, title, intro, dropZone, options, banner, progressRow, split, actions);
        body.setPadding(new Insets(16));
        setCenter(body);
    }

    private static void drop(DragEvent e, VerifyViewModel model) {
        boolean done = false;
        if (e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty()) {
            File first = e.getDragboard().getFiles().get(0);
            model.drop(first.toPath());
            done = true;
        }
        e.setDropCompleted(done);
        e.consume();
    }

    private static TableView<ArtifactRow> table(VerifyViewModel model) {
        TableView<ArtifactRow> table = new TableView<>(model.rows());
        table.setId("verifyTable");
        table.setPlaceholder(new Label(Messages.get("verify.table.empty")));
        table.getColumns().add(column(Messages.get("verify.col.artifact"), r -> mark(r.worst()) + r.name(), 330));
        table.getColumns().add(column(Messages.get("verify.col.size"), r -> size(r.size()), 90));
        table.getColumns().add(column(Messages.get("verify.col.signature"), r -> (r.signatureOk() ? OK : FAIL)
                + r.signature(), 170));
        table.getColumns().add(column(Messages.get("verify.col.checksums"), r -> (r.checksumsOk() ? OK : FAIL)
                + r.checksums(), 200));
        table.getColumns().add(column(Messages.get("verify.col.content"), ArtifactRow::content, 200));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    private static String mark(Severity worst) {
        if (worst == null || worst == Severity.NOTE) {
            return OK;
        }
        return worst == Severity.BLOCKER ? FAIL : WARN;
    }

    private static String size(long bytes) {
        if (bytes >= 1 << 20) {
            return String.format("%.1f MB", bytes / (double) (1 << 20));
        }
        return bytes >= 1024 ? String.format("%.1f KB", bytes / 1024.0) : bytes + " B";
    }

    private static TableColumn<ArtifactRow, String> column(String title, Function<ArtifactRow, String> value,
                                                           double width) {
        TableColumn<ArtifactRow, String> col = new TableColumn<>(title);
        col.setPrefWidth(width);
        col.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(c.getValue())));
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new javafx.scene.control.Tooltip(item));
                getStyleClass().removeAll("rp-cell-ok", "rp-cell-fail", "rp-cell-warn");
                if (!empty && item != null) {
                    getStyleClass().add(item.startsWith(OK) ? "rp-cell-ok" : item.startsWith(FAIL) ? "rp-cell-fail"
                            : item.startsWith(WARN) ? "rp-cell-warn" : "rp-cell-plain");
                }
            }
        });
        return col;
    }
}
