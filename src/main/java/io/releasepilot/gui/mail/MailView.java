package io.releasepilot.gui.mail;

import io.releasepilot.gui.common.Controls;
import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.common.StepHeader;
import io.releasepilot.gui.common.Styles;
import io.releasepilot.mail.MailInput;
import io.releasepilot.mail.MailKind;
import io.releasepilot.mail.SmtpSecurity;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * A mail step: the mail to write, the values only you know, the preview with From/To/Cc/Subject and
 * anything missing, then Save .eml, Copy, Open in mail client, or Send by SMTP.
 */
public final class MailView extends BorderPane {
    /** Hints up to this length are shown in the empty field; longer ones below it. */
    private static final int SHORT_HINT = 60;

    public MailView(MailViewModel model, MailPane pane) {
        VBox header = StepHeader.of(pane.key() + ".title", pane.key() + ".intro");

        ChoiceBox<MailKind> kind = new ChoiceBox<>(model.kinds());
        kind.setId("mailKind");
        kind.valueProperty().bindBidirectional(model.kindProperty());
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(MailKind k) {
                return k == null ? "" : k.label();
            }

            @Override
            public MailKind fromString(String s) {
                return null;
            }
        });
        Label template = new Label();
        template.setId("mailTemplate");
        template.textProperty().bind(model.templateProperty());
        Button customize = new Button(Messages.get("mail.customize"));
        customize.setId("mailCustomize");
        customize.setOnAction(e -> model.customizeTemplate());
        HBox choose = new HBox(8, customize, template);
        if (pane.kinds().size() > 1) {
            choose.getChildren().addAll(0, java.util.List.of(new Label(Messages.get("mail.kind")), kind));
        }
        choose.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        GridPane values = new GridPane();
        values.setId("mailInputs");
        values.setHgap(8);
        values.setVgap(6);
        Runnable layoutInputs = () -> {
            values.getChildren().clear();
            int row = 0;
            for (MailInput in : model.shownInputs()) {
                TextField f = Controls.textField("mailInput-" + in.key(), model.inputProperty(in));
                f.setTooltip(new Tooltip(in.hint()));
                GridPane.setHgrow(f, Priority.ALWAYS);
                Label name = new Label(capitalize(in.label()));
                name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the field gives way, never the name
                values.addRow(row++, name, f);
                if (in.hint().length() <= SHORT_HINT) {
                    f.setPromptText(in.hint());
                } else { // a long hint goes below the field, wrapped, so it is never cut off
                    Label hint = new Label(in.hint());
                    hint.setWrapText(true);
                    hint.getStyleClass().add(Styles.NEXT_HINT);
                    values.add(hint, 1, row++);
                }
            }
            if (model.kindProperty().get() == MailKind.ANNOUNCE) {
                TextField f = Controls.textField("mailOverride", model.overrideProperty());
                f.setPromptText(Messages.get("mail.override.hint"));
                values.addRow(row, new Label(Messages.get("mail.override")), f);
            }
        };
        model.shownInputs().addListener((ListChangeListener<MailInput>) c -> layoutInputs.run());
        layoutInputs.run();

        TextArea preview = new TextArea();
        preview.setId("mailPreview");
        preview.setEditable(false);
        preview.setWrapText(false);
        preview.setPrefRowCount(18);
        preview.getStyleClass().add(Styles.PREVIEW);
        preview.textProperty().bind(model.previewProperty());
        VBox.setVgrow(preview, Priority.ALWAYS);
        Label problems = new Label();
        problems.setId("mailProblems");
        problems.setWrapText(true);
        problems.textProperty().bind(model.problemsProperty());

        Button save = button("mailSave", "mail.save", model);
        save.setOnAction(e -> model.saveEml());
        Button copy = new Button(Messages.get("mail.copy"));
        copy.setId("mailCopy");
        copy.disableProperty().bind(model.previewProperty().isEmpty());
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(model.copyText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Button open = button("mailOpen", "mail.open", model);
        open.setOnAction(e -> model.openInMailClient());
        HBox actions = new HBox(10, save, copy, open);

        TextField host = Controls.textField("smtpHost", model.hostProperty());
        host.setPrefColumnCount(18);
        TextField port = Controls.textField("smtpPort", model.portProperty());
        port.setPrefColumnCount(5);
        ChoiceBox<SmtpSecurity> security = new ChoiceBox<>(javafx.collections.FXCollections.observableArrayList(
                SmtpSecurity.values()));
        security.setId("smtpSecurity");
        security.valueProperty().bindBidirectional(model.securityProperty());
        TextField user = Controls.textField("smtpUser", model.usernameProperty());
        user.setPrefColumnCount(10);
        Button send = button("mailSend", "mail.send", model);
        send.setOnAction(e -> model.send());
        HBox smtp = new HBox(8, label("mail.smtp.host"), host, label("mail.smtp.port"), port, security,
                label("mail.smtp.user"), user, send);
        smtp.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        send.setMinWidth(Region.USE_PREF_SIZE);
        Label smtpHint = new Label(Messages.get("mail.smtp.hint"));
        smtpHint.setWrapText(true);
        smtpHint.getStyleClass().add(Styles.NEXT_HINT);

        Label status = new Label();
        status.setId("mailStatus");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());

        Label next = new Label(Messages.get(pane.key() + ".next"));
        next.setId("mailNext");
        next.setWrapText(true);
        next.getStyleClass().add(Styles.NEXT_HINT);
        next.visibleProperty().bind(model.doneProperty());
        Button nextRc = new Button(Messages.get("mail.nextRc"));
        nextRc.setId("mailNextRc");
        nextRc.visibleProperty().bind(model.cancelledProperty());
        nextRc.managedProperty().bind(model.cancelledProperty());
        nextRc.setOnAction(e -> model.startNextRc());

        VBox body = new VBox(10, choose, values, preview, problems, actions, smtp, smtpHint, status, next, nextRc);
        body.setPadding(new Insets(20));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        setTop(header);
        setCenter(scroll);
    }

    private static Button button(String id, String key, MailViewModel model) {
        Button b = new Button(Messages.get(key));
        b.setId(id);
        b.disableProperty().bind(model.readyProperty().not().or(model.busyProperty()));
        return b;
    }

    private static Label label(String key) {
        Label l = new Label(Messages.get(key));
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
