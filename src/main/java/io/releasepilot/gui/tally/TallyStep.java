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
    /** The podling's second round, on general@incubator. */
    public static final String IPMC_ID = "ipmc-tally";
    private final TallyViewModel model;
    private final boolean ipmcRound;
    private final TallyView view;

    public TallyStep(ReleaseSession session, DialogService dialogs) {
        this(session, dialogs, Clock.systemUTC());
    }

    public TallyStep(ReleaseSession session, DialogService dialogs, Clock clock) {
        this(session, dialogs, clock, false);
    }

    /** The count of the dev@ vote, or with {@code ipmcRound} the podling's general@incubator round. */
    public TallyStep(ReleaseSession session, DialogService dialogs, Clock clock, boolean ipmcRound) {
        this.ipmcRound = ipmcRound;
        this.model = new TallyViewModel(session, clock);
        model.ipmcRoundProperty().set(ipmcRound);
        this.view = new TallyView(model, dialogs);
    }

    @Override
    public String id() {
        return ipmcRound ? IPMC_ID : ID;
    }

    @Override
    public String title() {
        return Messages.get(ipmcRound ? "tally.ipmc.step" : "tally.step");
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
