package io.releasepilot.gui.mail;

import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.gui.common.DialogService;
import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.common.TaskRunner;
import io.releasepilot.gui.wizard.ReleaseSession;
import io.releasepilot.mail.MailDraft;
import io.releasepilot.mail.MailInput;
import io.releasepilot.mail.MailKind;
import io.releasepilot.mail.MailTemplate;
import io.releasepilot.mail.Mailto;
import io.releasepilot.mail.ReleaseMails;
import io.releasepilot.mail.SmtpSecurity;
import io.releasepilot.mail.SmtpSender;
import io.releasepilot.mail.SmtpSettings;
import io.releasepilot.release.ReleaseRecord;
import io.releasepilot.release.StepId;
import io.releasepilot.release.StepState;
import io.releasepilot.release.Workspace;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A mail step's state: which mail, the values only the release manager knows, the preview with
 * what is missing, and the SMTP settings. Sending runs off the FX thread after a last confirmation and a
 * password asked through the dialog service; the password is cleared right after.
 */
public final class MailViewModel {
    private final ReleaseSession session;
    private final DialogService dialogs;
    private final Clock clock;
    private final SmtpSender sender;
    private final MailClientOpener opener;
    private final ObservableList<MailKind> kinds = FXCollections.observableArrayList();
    private final MailPane pane;
    private final ObjectProperty<MailKind> kind = new SimpleObjectProperty<>();
    private final BooleanProperty cancelled = new SimpleBooleanProperty();
    private final ObservableList<MailInput> shownInputs = FXCollections.observableArrayList();
    private final Map<MailInput, StringProperty> inputs = new EnumMap<>(MailInput.class);
    private final StringProperty override = new SimpleStringProperty("");
    private final StringProperty preview = new SimpleStringProperty("");
    private final StringProperty problems = new SimpleStringProperty("");
    private final StringProperty template = new SimpleStringProperty("");
    private final BooleanProperty ready = new SimpleBooleanProperty();
    private final StringProperty host = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty("");
    private final ObjectProperty<SmtpSecurity> security = new SimpleObjectProperty<>(SmtpSecurity.STARTTLS);
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty done = new SimpleBooleanProperty();
    private final TaskRunner tasks;
    private MailDraft draft;

    /**
     * @param sender the SMTP client (tests give one that trusts their server)
     * @param opener opens a {@code mailto:} or {@code file:} URI in the user's mail client
     */
    public MailViewModel(ReleaseSession session, DialogService dialogs, Clock clock, SmtpSender sender,
                         MailClientOpener opener, MailPane pane) {
        this.session = session;
        this.pane = pane;
        kinds.setAll(pane.kinds());
        kind.set(pane.kinds().get(0));
        this.dialogs = dialogs;
        this.clock = clock;
        this.sender = sender;
        this.opener = opener;
        this.tasks = new TaskRunner(status, Messages.get("mail.status.cancelled"));
        for (MailInput in : MailInput.values()) {
            StringProperty p = new SimpleStringProperty("");
            p.addListener((obs, old, now) -> refresh());
            inputs.put(in, p);
        }
        override.addListener((obs, old, now) -> refresh());
        kind.addListener((obs, old, now) -> {
            if (old != null && !tasks.busyProperty().get()) {
                status.set(""); // what was said ("Saved plan-….eml", "Sent …") was about the other mail
            }
            showInputsOf(now);
            refresh();
        });
    }

    private ReleaseMails mails() {
        Workspace ws = session.workspaceProperty().get();
        return ws == null ? null : new ReleaseMails(ws, clock, sender);
    }

    /** Shown each time the step is entered: the kinds that fit the release, remembered values and settings. */
    public void enter() {
        ReleaseRecord r = session.documentProperty().get();
        ReleaseMails mails = mails();
        if (r == null || mails == null) {
            preview.set("");
            problems.set(Messages.get("mail.status.noRelease"));
            return;
        }
        showRecorded(r);
        try {
            mails.inputs(Map.of()).forEach((in, v) -> {
                if (inputs.get(in).get().isEmpty()) {
                    inputs.get(in).set(v);
                }
            });
            SmtpSettings smtp = mails.smtpSettings();
            if (host.get().isEmpty()) {
                host.set(smtp.host());
                port.set(Integer.toString(smtp.port()));
                security.set(smtp.security());
                username.set(smtp.username());
            }
        } catch (ReleasePilotException e) {
            status.set(e.userText());
        }
        showInputsOf(kind.get());
        refresh();
    }

    /**
     * Whether this pane's mail is recorded (so Next is open after a reopen), and whether the vote of this RC was
     * cancelled (then the next RC can be started from here).
     */
    private void showRecorded(ReleaseRecord r) {
        Optional<StepId> step = StepId.byId(pane.id());
        done.set(step.isPresent() && r.step(step.get()).status() == StepState.DONE);
        cancelled.set(pane == MailPane.RESULT && r.step(StepId.VOTE).status() == StepState.FAILED);
    }

    /** After a [CANCELLED] mail: ends this RC (kept in the record with its reason) and starts the next one. */
    public void startNextRc() {
        ReleaseRecord r = session.documentProperty().get();
        if (r == null || !cancelled.get()) {
            return;
        }
        int next = r.currentRc() + 1;
        if (!dialogs.confirm(Messages.get("mail.nextRc.title"), Messages.get("mail.nextRc.message", next))) {
            return;
        }
        try {
            String reason = inputs.get(MailInput.CANCEL_REASON).get().strip();
            session.recorded(session.records().nextRc("vote cancelled" + (reason.isEmpty() ? "" : ": " + reason)));
            cancelled.set(false);
            done.set(false);
            status.set(Messages.get("mail.nextRc.done", next));
        } catch (ReleasePilotException e) {
            status.set(e.userText());
        }
    }

    public BooleanProperty cancelledProperty() {
        return cancelled;
    }

    /** The typed values this kind's template uses. */
    private void showInputsOf(MailKind k) {
        if (k == null) {
            return;
        }
        List<MailInput> used = new ArrayList<>();
        try {
            Workspace ws = session.workspaceProperty().get();
            var names = MailTemplate.load(k, ws == null ? null : ws.mailDir()).placeholders();
            for (MailInput in : MailInput.values()) {
                if (names.contains(in.key()) || in == MailInput.CHERRY_PICK_DEADLINE && names.contains("cherryPickLine")
                        || in == MailInput.DESIGNATION && names.contains("designationLine")) {
                    used.add(in);
                }
            }
        } catch (ReleasePilotException e) {
            status.set(e.userText());
        }
        shownInputs.setAll(used);
    }

    private Map<MailInput, String> typed() {
        Map<MailInput, String> out = new EnumMap<>(MailInput.class);
        inputs.forEach((in, p) -> out.put(in, p.get()));
        return out;
    }

    /** Composes the chosen mail again and shows it, with what is missing. */
    public void refresh() {
        ReleaseMails mails = mails();
        if (mails == null || session.documentProperty().get() == null || kind.get() == null) {
            return;
        }
        try {
            draft = mails.compose(kind.get(), typed(), override.get());
            preview.set(draft.previewText());
            template.set(Messages.get("mail.template", draft.template()));
            problems.set(draft.ready() ? Messages.get("mail.ready") : draft.problemsText().strip());
            ready.set(draft.ready());
        } catch (ReleasePilotException e) {
            draft = null;
            preview.set("");
            problems.set(e.userText());
            ready.set(false);
        }
    }

    /** Copies the built-in template into the release's mail/templates/ to edit; the preview then follows it. */
    public void customizeTemplate() {
        ReleaseMails mails = mails();
        if (mails == null || kind.get() == null) {
            return;
        }
        try {
            Path file = mails.customizeTemplate(kind.get());
            status.set(Messages.get("mail.status.templateCopied", file));
            refresh();
        } catch (ReleasePilotException e) {
            status.set(e.userText());
        }
    }

    public StringProperty templateProperty() {
        return template;
    }

    /** Saves the mail as an .eml in the release's mail/ folder (and records it). */
    public void saveEml() {
        refresh();
        if (!ready.get()) {
            return;
        }
        try {
            Path eml = mails().save(draft, typed());
            session.reload();
            showRecorded(session.documentProperty().get());
            done.set(kind.get() != MailKind.CANCEL);
            status.set(Messages.get("mail.status.saved", eml));
        } catch (ReleasePilotException e) {
            status.set(e.userText());
        }
    }

    /** The text to put on the clipboard: the headers and body as shown. */
    public String copyText() {
        status.set(Messages.get("mail.status.copied"));
        return preview.get();
    }

    /** Opens the user's mail client: a mailto: link, or the saved .eml when the mail is too long for a link. */
    public void openInMailClient() {
        refresh();
        if (!ready.get()) {
            return;
        }
        Optional<URI> link = Mailto.of(draft);
        try {
            if (link.isPresent()) {
                opener.open(link.get());
                status.set(Messages.get("mail.status.opened"));
            } else {
                Path eml = mails().save(draft, typed());
                session.reload();
                opener.open(eml.toUri());
                status.set(Messages.get("mail.status.openedEml", eml));
            }
        } catch (ReleasePilotException e) {
            status.set(e.userText());
        } catch (java.io.IOException | UnsupportedOperationException e) {
            status.set(Messages.get("mail.status.openFailed", String.valueOf(e.getMessage())));
        }
    }

    /** Asks for a last confirmation and the password, then sends off the FX thread. */
    public void send() {
        refresh();
        if (!ready.get()) {
            return;
        }
        SmtpSettings settings;
        try {
            settings = SmtpSettings.parse(host.get() + ":" + port.get(), security.get().id(), username.get());
        } catch (ReleasePilotException e) {
            status.set(e.userText());
            return;
        }
        MailDraft toSend = draft;
        if (!dialogs.confirm(Messages.get("mail.confirm.title"), Messages.get("mail.confirm.message",
                toSend.subject(), String.join(", ", toSend.to()), settings.describe()))) {
            status.set(Messages.get("mail.status.notSent"));
            return;
        }
        char[] password;
        if (settings.logsIn()) {
            Optional<char[]> asked = dialogs.askPassword(Messages.get("mail.password.title"),
                    Messages.get("mail.password.message", settings.describe()));
            if (asked.isEmpty()) {
                status.set(Messages.get("mail.status.notSent"));
                return;
            }
            password = asked.get();
        } else {
            password = new char[0];
        }
        ReleaseMails mails = mails();
        Map<MailInput, String> values = typed();
        MailKind mailKind = kind.get();
        String early = override.get();
        tasks.run(Messages.get("mail.status.sending", settings.describe()), progress -> {
            try {
                return mails.composeAndSend(mailKind, values, early, settings, password).receipt();
            } finally {
                Arrays.fill(password, '\0');
            }
        }, receipt -> {
            try {
                session.reload();
            } catch (ReleasePilotException e) {
                status.set(e.userText());
                return;
            }
            showRecorded(session.documentProperty().get());
            done.set(mailKind != MailKind.CANCEL);
            status.set(Messages.get("mail.status.sent", toSend.subject(), receipt.messageId()));
        });
    }

    public ObservableList<MailKind> kinds() {
        return kinds;
    }

    public ObjectProperty<MailKind> kindProperty() {
        return kind;
    }

    public ObservableList<MailInput> shownInputs() {
        return shownInputs;
    }

    public StringProperty inputProperty(MailInput in) {
        return inputs.get(in);
    }

    public StringProperty overrideProperty() {
        return override;
    }

    public StringProperty previewProperty() {
        return preview;
    }

    public StringProperty problemsProperty() {
        return problems;
    }

    public BooleanProperty readyProperty() {
        return ready;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public ObjectProperty<SmtpSecurity> securityProperty() {
        return security;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    public BooleanProperty doneProperty() {
        return done;
    }
}
