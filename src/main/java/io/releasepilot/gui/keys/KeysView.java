package io.releasepilot.gui.keys;

import io.releasepilot.gui.common.Controls;
import io.releasepilot.gui.common.DialogService;
import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.common.StepHeader;
import io.releasepilot.gui.common.Styles;
import io.releasepilot.pgp.GnuPgHome;
import io.releasepilot.pgp.KeyInfo;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.nio.file.Path;

/**
 * The Keys step: the keys Release Pilot holds, three ways to get one (create, GnuPG, file), which key signs this
 * release, and the KEYS file update with a preview.
 */
public final class KeysView extends BorderPane {
    private final KeysViewModel model;
    private final DialogService dialogs;

    public KeysView(KeysViewModel model, DialogService dialogs) {
        this.model = model;
        this.dialogs = dialogs;
        VBox header = StepHeader.of("keys.title", "keys.intro", keyList());

        TabPane ways = new TabPane(new Tab(Messages.get("keys.tab.create"), createForm()),
                new Tab(Messages.get("keys.tab.gnupg"), gnupgForm()), new Tab(Messages.get("keys.tab.file"), fileForm()));
        ways.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        ways.setId("keysWays");
        TitledPane get = new TitledPane(Messages.get("keys.section.get"), ways);
        get.setCollapsible(false);

        VBox body = new VBox(12, get, keysFileSection());
        body.setPadding(new Insets(0, 20, 20, 20));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(model.busyProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        Button cancel = new Button(Messages.get("keys.cancel"));
        cancel.setId("keysCancel");
        cancel.visibleProperty().bind(model.busyProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> model.cancel());
        Label status = new Label();
        status.setId("keysStatus");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        Label next = new Label();
        next.getStyleClass().add(Styles.NEXT_HINT);
        next.setId("keysNext");
        javafx.beans.binding.StringBinding inKeys = Bindings.when(model.sourceBuiltProperty())
                .then(Messages.get("keys.next.appendedLater")).otherwise(Messages.get("keys.next.appended"));
        next.textProperty().bind(Bindings.when(model.completeProperty())
                .then(Bindings.when(model.appendedProperty()).then(inKeys).otherwise(Messages.get("keys.next.done")))
                .otherwise(Messages.get("keys.next.todo")));
        VBox footer = new VBox(4, new HBox(8, busy, cancel, status), next);
        footer.setPadding(new Insets(8, 20, 8, 20));

        setTop(header);
        setCenter(scroll);
        setBottom(footer);
    }

    private VBox keyList() {
        Label heading = new Label(Messages.get("keys.section.yours"));
        heading.getStyleClass().add(Styles.PREVIEW_KEY);
        ListView<KeyInfo> list = Controls.list("keyList", model.keys(), 90, "keys.none",
                k -> k.primaryUserId() + "   " + k.fingerprint().grouped() + "   " + k.algorithm() + " " + k.bits());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.selectedProperty().set(now));
        model.selectedProperty().addListener((obs, old, now) -> {
            if (now != null && list.getSelectionModel().getSelectedItem() != now) {
                list.getSelectionModel().select(now);
            }
        });
        Label details = new Label();
        details.setId("keyDetails");
        details.getStyleClass().add(Styles.PREVIEW_VALUE);
        details.setWrapText(true);
        details.textProperty().bind(Bindings.createStringBinding(() -> describe(model.selectedProperty().get()),
                model.selectedProperty()));
        Button use = new Button(Messages.get("keys.use"));
        use.setId("useKey");
        use.disableProperty().bind(model.selectedProperty().isNull());
        use.setOnAction(e -> model.useSelectedForRelease());
        Button export = new Button(Messages.get("keys.export"));
        export.setId("exportKey");
        export.disableProperty().bind(model.selectedProperty().isNull());
        export.setOnAction(e -> dialogs.chooseSaveFile(Messages.get("keys.export"), fileName())
                .ifPresent(model::exportPublic));
        Button copy = new Button(Messages.get("keys.copyFingerprint"));
        copy.disableProperty().bind(model.selectedProperty().isNull());
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(model.selectedProperty().get().fingerprint().grouped());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Button upload = new Button(Messages.get("keys.upload"));
        upload.setId("uploadKey");
        upload.disableProperty().bind(model.selectedProperty().isNull().or(model.busyProperty()));
        upload.setOnAction(e -> {
            if (dialogs.confirm(Messages.get("keys.upload"), Messages.get("keys.upload.confirm"))) {
                model.upload();
            }
        });
        Label using = new Label();
        using.setId("releaseKey");
        using.textProperty().bind(Bindings.createStringBinding(() -> model.releaseKeyProperty().get().isEmpty()
                ? Messages.get("keys.using.none") : Messages.get("keys.using", model.releaseKeyProperty().get()),
                model.releaseKeyProperty()));
        return new VBox(6, heading, list, details, new HBox(8, use, export, copy, upload), using);
    }

    private String fileName() {
        KeyInfo k = model.selectedProperty().get();
        return k == null ? "key.asc" : k.keyId() + ".asc";
    }

    private static String describe(KeyInfo k) {
        if (k == null) {
            return Messages.get("keys.select");
        }
        return Messages.get("keys.details", k.fingerprint().grouped(), k.keyId(), k.algorithm(), k.bits(),
                k.created().toString().substring(0, 10),
                k.expires().map(e -> e.toString().substring(0, 10)).orElse(Messages.get("keys.noExpiry")),
                String.join(", ", k.userIds()));
    }

    private VBox createForm() {
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(6);
        TextField name = Controls.textField("keyName", model.nameProperty());
        TextField email = Controls.textField("keyEmail", model.emailProperty());
        TextField comment = Controls.textField("keyComment", model.commentProperty());
        TextField expiry = Controls.textField("keyExpiry", model.expireDaysProperty());
        PasswordField first = new PasswordField();
        first.setId("keyPassphrase");
        PasswordField second = new PasswordField();
        second.setId("keyPassphraseAgain");
        Label strength = new Label();
        strength.setId("keyStrength");
        first.textProperty().addListener((obs, old, now) -> {
            // Only while a passphrase is being typed: once the fields are cleared (a key was made), say nothing.
            strength.setText(now.isEmpty() ? "" : model.strength(now.toCharArray()).advice());
        });
        Label emailWarning = new Label(Messages.get("keys.emailWarning"));
        emailWarning.getStyleClass().add(Styles.FIELD_ERROR);
        emailWarning.visibleProperty().bind(Bindings.createBooleanBinding(() -> !model.emailProperty().get().isBlank()
                && !model.isApacheAddress(), model.emailProperty()));
        CheckBox allowEmpty = new CheckBox(Messages.get("keys.allowEmpty"));
        allowEmpty.selectedProperty().bindBidirectional(model.allowEmptyPassphraseProperty());
        Label problems = new Label();
        problems.setId("keyProblems");
        problems.getStyleClass().add(Styles.FIELD_ERROR);
        Button create = new Button(Messages.get("keys.create"));
        create.setId("createKey");
        create.disableProperty().bind(model.busyProperty());
        create.setOnAction(e -> {
            char[] p1 = first.getText().toCharArray();
            char[] p2 = second.getText().toCharArray();
            String issues = model.createProblems(p1, p2);
            java.util.Arrays.fill(p2, '\0');
            problems.setText(issues);
            if (!issues.isEmpty()) {
                java.util.Arrays.fill(p1, '\0');
                return;
            }
            model.create(p1, () -> {
                first.clear();
                second.clear();
            });
        });
        int row = 0;
        form.addRow(row++, new Label(Messages.get("keys.name")), name);
        form.addRow(row++, new Label(Messages.get("keys.email")), email);
        form.add(emailWarning, 1, row++);
        form.addRow(row++, new Label(Messages.get("keys.comment")), comment);
        form.addRow(row++, new Label(Messages.get("keys.expiry")), expiry);
        Label expiryHelp = new Label(Messages.get("keys.expiry.help"));
        expiryHelp.setWrapText(true);
        expiryHelp.setPrefWidth(400);
        expiryHelp.setMinHeight(Region.USE_PREF_SIZE);
        form.add(expiryHelp, 1, row++);
        form.addRow(row++, new Label(Messages.get("keys.passphrase")), first);
        form.addRow(row++, new Label(Messages.get("keys.passphraseAgain")), second);
        form.add(strength, 1, row++);
        form.add(allowEmpty, 1, row++);
        GridPane.setHgrow(name, Priority.ALWAYS);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        form.getColumnConstraints().add(labels);
        Label help = new Label(Messages.get("keys.create.help"));
        help.setWrapText(true);
        help.setMinHeight(Region.USE_PREF_SIZE);
        emailWarning.managedProperty().bind(emailWarning.visibleProperty());
        VBox box = new VBox(8, help, form, new HBox(10, create, problems));
        box.setPadding(new Insets(10));
        return box;
    }

    private VBox gnupgForm() {
        TextField home = Controls.textField("gnupgHome", model.gnupgHomeProperty());
        HBox.setHgrow(home, Priority.ALWAYS);
        Button list = new Button(Messages.get("keys.gnupg.list"));
        list.setId("gnupgList");
        list.setOnAction(e -> model.listGnuPg());
        ListView<GnuPgHome.Entry> keys = Controls.list("gnupgKeys", model.gnupgKeys(), 110, "keys.gnupg.empty",
                e -> e.key().primaryUserId() + "   " + e.key().fingerprint().grouped()
                        + (e.hasSecret() ? "" : "   " + Messages.get("keys.gnupg.publicOnly")));
        PasswordField passphrase = new PasswordField();
        passphrase.setId("gnupgPassphrase");
        passphrase.setPromptText(Messages.get("keys.gnupg.passphrase"));
        Controls.fitPrompt(passphrase);
        Button importKey = new Button(Messages.get("keys.gnupg.import"));
        importKey.setId("gnupgImport");
        importKey.disableProperty().bind(keys.getSelectionModel().selectedItemProperty().isNull()
                .or(model.busyProperty()));
        importKey.setOnAction(e -> {
            model.importGnuPg(keys.getSelectionModel().getSelectedItem(), passphrase.getText().toCharArray());
            passphrase.clear();
        });
        Button useViaGpg = new Button(Messages.get("keys.gnupg.use"));
        useViaGpg.setId("gnupgUse");
        useViaGpg.disableProperty().bind(keys.getSelectionModel().selectedItemProperty().isNull());
        useViaGpg.setOnAction(e -> model.useGnuPgKey(keys.getSelectionModel().getSelectedItem()));
        Label help = new Label(Messages.get("keys.gnupg.help"));
        help.setWrapText(true);
        VBox box = new VBox(8, help, new HBox(8, new Label(Messages.get("keys.gnupg.home")), home, list), keys,
                new HBox(8, passphrase, importKey, useViaGpg));
        box.setPadding(new Insets(10));
        return box;
    }

    private VBox fileForm() {
        PasswordField passphrase = new PasswordField();
        passphrase.setId("filePassphrase");
        passphrase.setPromptText(Messages.get("keys.file.passphrase"));
        Controls.fitPrompt(passphrase);
        Button choose = new Button(Messages.get("keys.file.choose"));
        choose.setId("fileImport");
        choose.disableProperty().bind(model.busyProperty());
        choose.setOnAction(e -> dialogs.chooseFile(Messages.get("keys.file.choose"), null).ifPresent(file -> {
            model.importFile(file, passphrase.getText().toCharArray());
            passphrase.clear();
        }));
        Label help = new Label(Messages.get("keys.file.help"));
        help.setWrapText(true);
        VBox box = new VBox(8, help, new HBox(8, passphrase, choose));
        box.setPadding(new Insets(10));
        return box;
    }

    private TitledPane keysFileSection() {
        TextField file = Controls.textField("keysFile", model.keysFileProperty());
        file.setPromptText(Messages.get("keys.keysfile.prompt"));
        HBox.setHgrow(file, Priority.ALWAYS);
        Button browse = new Button(Messages.get("keys.keysfile.browse"));
        browse.setOnAction(e -> dialogs.chooseFile(Messages.get("keys.keysfile.browse"), null)
                .map(Path::toString).ifPresent(model.keysFileProperty()::set));
        Button preview = new Button(Messages.get("keys.keysfile.preview"));
        preview.setId("keysPreviewButton");
        preview.disableProperty().bind(model.selectedProperty().isNull().or(model.keysFileProperty().isEmpty()));
        preview.setOnAction(e -> model.previewKeys());
        TextArea text = new TextArea();
        text.setId("keysPreview");
        text.setEditable(false);
        text.setPrefRowCount(10);
        text.textProperty().bind(model.keysPreviewProperty());
        Button append = new Button(Messages.get("keys.keysfile.append"));
        append.setId("keysAppend");
        append.disableProperty().bind(model.keysPreviewProperty().isEmpty());
        append.setOnAction(e -> model.appendKeys());
        Label help = new Label(Messages.get("keys.keysfile.help"));
        help.setWrapText(true);
        VBox box = new VBox(8, help, new HBox(8, file, browse, preview), text, append);
        box.setAlignment(Pos.TOP_LEFT);
        TitledPane pane = new TitledPane(Messages.get("keys.section.keysfile"), box);
        pane.setCollapsible(false);
        return pane;
    }

}
