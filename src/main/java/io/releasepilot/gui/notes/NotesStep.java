package io.releasepilot.gui.notes;

import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.wizard.ReleaseSession;
import io.releasepilot.gui.wizard.WizardStep;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;

/** The Release notes step: a Markdown draft from git history, edited and saved in the release folder. */
public final class NotesStep implements WizardStep {
    public static final String ID = "notes";
    private final NotesViewModel model;
    private final NotesView view;

    public NotesStep(ReleaseSession session) {
        this.model = new NotesViewModel(session);
        this.view = new NotesView(model);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return Messages.get("notes.step");
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public ObservableBooleanValue completeProperty() {
        return model.savedProperty();
    }

    @Override
    public void onEnter() {
        model.enter();
    }
}
