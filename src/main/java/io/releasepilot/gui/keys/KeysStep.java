package io.releasepilot.gui.keys;

import io.releasepilot.gui.common.DialogService;
import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.wizard.ReleaseSession;
import io.releasepilot.gui.wizard.WizardStep;
import io.releasepilot.keys.KeyService;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;

/** The Keys step: the release manager's signing key, and the project's KEYS file. */
public final class KeysStep implements WizardStep {
    public static final String ID = "key";
    private final KeysViewModel model;
    private final KeysView view;

    public KeysStep(ReleaseSession session, DialogService dialogs, KeyService keys, int keyBits) {
        this.model = new KeysViewModel(keys, session, keyBits);
        this.view = new KeysView(model, dialogs);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return Messages.get("keys.step");
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public ObservableBooleanValue completeProperty() {
        return model.completeProperty();
    }

    @Override
    public void onEnter() {
        model.enter();
    }
}
