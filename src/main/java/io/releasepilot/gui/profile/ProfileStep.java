package io.releasepilot.gui.profile;

import io.releasepilot.gui.common.DialogService;
import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.wizard.ReleaseSession;
import io.releasepilot.gui.wizard.WizardStep;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;

/** The Release profile step: what is released, by whom, and where it goes. */
public final class ProfileStep implements WizardStep {
    public static final String ID = "profile";
    private final ProfileViewModel model;
    private final ProfileView view;
    private final DialogService dialogs;

    public ProfileStep(ReleaseSession session, DialogService dialogs) {
        this.model = new ProfileViewModel(session);
        this.view = new ProfileView(model, dialogs);
        this.dialogs = dialogs;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return Messages.get("profile.step");
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
    public boolean onLeave() {
        if (model.dirtyProperty().get()) {
            return dialogs.confirm(Messages.get("profile.leave.title"), Messages.get("profile.leave"));
        }
        return true;
    }
}
