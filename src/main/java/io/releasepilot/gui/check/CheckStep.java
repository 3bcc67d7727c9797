package io.releasepilot.gui.check;

import io.releasepilot.check.CheckService;
import io.releasepilot.gui.common.DialogService;
import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.wizard.ReleaseSession;
import io.releasepilot.gui.wizard.WizardStep;
import io.releasepilot.release.StepId;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;

/** The Check step: the verifier voters use, run on the release manager's own candidate. */
public final class CheckStep implements WizardStep {
    private final CheckViewModel model;
    private final CheckView view;

    public CheckStep(ReleaseSession session, DialogService dialogs, CheckService service) {
        this.model = new CheckViewModel(session, service);
        this.view = new CheckView(model, dialogs);
    }

    @Override
    public String id() {
        return StepId.CHECK.id();
    }

    @Override
    public String title() {
        return Messages.get("check.step");
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public ObservableBooleanValue completeProperty() {
        return model.passedProperty();
    }

    @Override
    public void onEnter() {
        model.enter();
    }
}
