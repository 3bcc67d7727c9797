package io.releasepilot.gui.branch;

import io.releasepilot.gui.common.DialogService;
import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.wizard.ReleaseSession;
import io.releasepilot.gui.wizard.WizardStep;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;

/** The Release branch step: a feature release cuts x.y from the main line; a patch release uses its branch. */
public final class BranchStep implements WizardStep {
    public static final String ID = "branch";
    private final BranchViewModel model;
    private final BranchView view;

    public BranchStep(ReleaseSession session, DialogService dialogs) {
        this.model = new BranchViewModel(session, dialogs);
        this.view = new BranchView(model);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return Messages.get("branch.step");
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
