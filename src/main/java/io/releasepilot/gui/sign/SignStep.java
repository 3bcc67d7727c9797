package io.releasepilot.gui.sign;

import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.wizard.ReleaseSession;
import io.releasepilot.gui.wizard.WizardStep;
import io.releasepilot.keys.KeyService;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;

/** The Sign step: .asc and .sha512 for every artifact of the RC. */
public final class SignStep implements WizardStep {
    public static final String ID = "sign";
    private final SignViewModel model;
    private final SignView view;

    public SignStep(ReleaseSession session, KeyService keys) {
        this.model = new SignViewModel(session, new io.releasepilot.sign.SignService(keys));
        this.view = new SignView(model);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return Messages.get("sign.step");
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public ObservableBooleanValue completeProperty() {
        return model.signedProperty();
    }

    @Override
    public void onEnter() {
        model.enter();
    }
}
