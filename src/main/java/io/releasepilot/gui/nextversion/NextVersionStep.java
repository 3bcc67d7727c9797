package io.releasepilot.gui.nextversion;

import io.releasepilot.gui.common.DialogService;
import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.wizard.ReleaseSession;
import io.releasepilot.gui.wizard.WizardStep;
import io.releasepilot.keys.KeyService;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;

/** The Next version step: the branch (and after x.y.0 the main line) moved on, committed on new branches. */
public final class NextVersionStep implements WizardStep {
    public static final String ID = "next-version";
    private final NextVersionViewModel model;
    private final NextVersionView view;

    public NextVersionStep(ReleaseSession session, DialogService dialogs, KeyService keys) {
        this.model = new NextVersionViewModel(session, dialogs, keys);
        this.view = new NextVersionView(model);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return Messages.get("nextVersion.step");
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
