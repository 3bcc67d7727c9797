package io.releasepilot.gui.publish;

import io.releasepilot.gui.common.DialogService;
import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.wizard.ReleaseSession;
import io.releasepilot.gui.wizard.WizardStep;
import io.releasepilot.svn.DistOptions;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;

/** The Publish step: the voted candidate moved to dist/release on the server. */
public final class PublishStep implements WizardStep {
    public static final String ID = "publish";
    private final PublishViewModel model;
    private final PublishView view;

    public PublishStep(ReleaseSession session, DialogService dialogs, DistOptions options) {
        this.model = new PublishViewModel(session, dialogs, options);
        this.view = new PublishView(model);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return Messages.get("publish.step");
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public ObservableBooleanValue completeProperty() {
        return model.publishedProperty();
    }

    @Override
    public void onEnter() {
        model.enter();
    }
}
