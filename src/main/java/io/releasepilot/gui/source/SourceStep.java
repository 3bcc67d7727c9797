package io.releasepilot.gui.source;

import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.wizard.ReleaseSession;
import io.releasepilot.gui.wizard.WizardStep;
import io.releasepilot.keys.KeyService;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;

/** The Source step: the source archive of the RC tag. */
public final class SourceStep implements WizardStep {
    public static final String ID = "source";
    private final SourceViewModel model;
    private final SourceView view;

    public SourceStep(ReleaseSession session, KeyService keys) {
        this.model = new SourceViewModel(session, new io.releasepilot.source.SourceService(keys));
        this.view = new SourceView(model);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return Messages.get("source.step");
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public ObservableBooleanValue completeProperty() {
        return model.builtProperty();
    }

    @Override
    public void onEnter() {
        model.enter();
    }
}
