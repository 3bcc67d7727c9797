package io.releasepilot.gui.mail;

import io.releasepilot.gui.common.DialogService;
import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.wizard.ReleaseSession;
import io.releasepilot.gui.wizard.WizardStep;
import io.releasepilot.mail.SmtpSender;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;

import java.time.Clock;

/**
 * A mail step: one implementation shown once per moment of the flow ({@link MailPane}: plan, VOTE,
 * RESULT or CANCELLED, the podling round, ANNOUNCE), each with its own why and What's next.
 */
public final class MailStep implements WizardStep {
    private final MailPane pane;
    private final MailViewModel model;
    private final MailView view;

    public MailStep(ReleaseSession session, DialogService dialogs, SmtpSender sender, MailClientOpener opener,
                    MailPane pane) {
        this(session, dialogs, sender, opener, pane, Clock.systemUTC());
    }

    /** As above, with the clock the mails are dated by (and the vote's 72 hours counted from). */
    public MailStep(ReleaseSession session, DialogService dialogs, SmtpSender sender, MailClientOpener opener,
                    MailPane pane, Clock clock) {
        this.pane = pane;
        this.model = new MailViewModel(session, dialogs, clock, sender, opener, pane);
        this.view = new MailView(model, pane);
    }

    @Override
    public String id() {
        return pane.id();
    }

    @Override
    public String title() {
        return Messages.get(pane.key() + ".step");
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public ObservableBooleanValue completeProperty() {
        return model.doneProperty();
    }

    @Override
    public void onEnter() {
        model.enter();
    }
}
