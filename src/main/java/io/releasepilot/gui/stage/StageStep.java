package io.releasepilot.gui.stage;

import io.releasepilot.gui.common.DialogService;
import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.wizard.ReleaseSession;
import io.releasepilot.gui.wizard.WizardStep;
import io.releasepilot.svn.DistOptions;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;

/** The Stage step: the RC's files to dist/dev in one commit. */
public final class StageStep implements WizardStep {
    public static final String ID = "stage";
    private final StageViewModel model;
    private final StageView view;

    public StageStep(ReleaseSession session, DialogService dialogs, DistOptions options) {
        this.model = new StageViewModel(session, dialogs, options);
        this.view = new StageView(model);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return Messages.get("stage.step");
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public ObservableBooleanValue completeProperty() {
        return model.stagedProperty();
    }

    @Override
    public void onEnter() {
        model.enter();
    }
}
