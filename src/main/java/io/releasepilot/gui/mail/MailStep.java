package io.releasepilot.gui.mail;

import io.releasepilot.gui.common.DialogService;
import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.wizard.ReleaseSession;
import io.releasepilot.gui.wizard.WizardStep;
import io.releasepilot.mail.SmtpSender;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;

import java.time.Clock;

/** The Release mails step: plan, VOTE, RESULT, CANCELLED, the podling round and ANNOUNCE. */
public final class MailStep implements WizardStep {
    public static final String ID = "mail";
    private final MailViewModel model;
    private final MailView view;

    public MailStep(ReleaseSession session, DialogService dialogs, SmtpSender sender, MailClientOpener opener) {
        this.model = new MailViewModel(session, dialogs, Clock.systemUTC(), sender, opener);
        this.view = new MailView(model);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return Messages.get("mail.step");
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
