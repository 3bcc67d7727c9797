package io.releasepilot.gui.prune;

import io.releasepilot.gui.common.DialogService;
import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.wizard.ReleaseSession;
import io.releasepilot.gui.wizard.WizardStep;
import io.releasepilot.svn.DistOptions;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;

/** The Prune step: older releases and candidates removed from dist in one commit. */
public final class PruneStep implements WizardStep {
    public static final String ID = "prune";
    private final PruneViewModel model;
    private final PruneView view;

    public PruneStep(ReleaseSession session, DialogService dialogs, DistOptions options) {
        this.model = new PruneViewModel(session, dialogs, options);
        this.view = new PruneView(model);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return Messages.get("prune.step");
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public ObservableBooleanValue completeProperty() {
        return model.prunedProperty();
    }

    @Override
    public void onEnter() {
        model.enter();
    }
}
