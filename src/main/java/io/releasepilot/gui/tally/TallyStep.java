package io.releasepilot.gui.tally;

import io.releasepilot.gui.common.DialogService;
import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.wizard.ReleaseSession;
import io.releasepilot.gui.wizard.WizardStep;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;

import java.time.Clock;

/** The Tally step: count the vote from its thread, explain every count, let the RM decide what is unclear. */
public final class TallyStep implements WizardStep {
    public static final String ID = "tally";
    private final TallyViewModel model;
    private final TallyView view;

    public TallyStep(ReleaseSession session, DialogService dialogs) {
        this(session, dialogs, Clock.systemUTC());
    }

    public TallyStep(ReleaseSession session, DialogService dialogs, Clock clock) {
        this.model = new TallyViewModel(session, clock);
        this.view = new TallyView(model, dialogs);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return Messages.get("tally.step");
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
