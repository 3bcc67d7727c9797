package io.releasepilot.gui.timeline;

import io.releasepilot.gui.common.Messages;
import io.releasepilot.gui.wizard.ReleaseSession;
import io.releasepilot.gui.wizard.WizardStep;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;

import java.time.Clock;

/** The Timeline: a dated checklist from the planned RC date, each row tied to its step's state. */
public final class TimelineStep implements WizardStep {
    public static final String ID = "timeline";
    private final TimelineViewModel model;
    private final TimelineView view;

    public TimelineStep(ReleaseSession session) {
        this(session, Clock.systemUTC());
    }

    public TimelineStep(ReleaseSession session, Clock clock) {
        this.model = new TimelineViewModel(session, clock);
        this.view = new TimelineView(model);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return Messages.get("timeline.step");
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public ObservableBooleanValue completeProperty() {
        return model.plannedProperty();
    }

    @Override
    public void onEnter() {
        model.enter();
    }
}
