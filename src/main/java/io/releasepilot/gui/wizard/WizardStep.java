package io.releasepilot.gui.wizard;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;

/** One step of the release wizard: a pane, and whether it is complete (which enables Next). */
public interface WizardStep {

    /** Stable id, also the key of the step's progress in release.json. */
    String id();

    String title();

    Node view();

    ObservableBooleanValue completeProperty();

    /** Called each time the step is shown. */
    default void onEnter() {
    }

    /** Called before leaving the step; returning false keeps the user on it. */
    default boolean onLeave() {
        return true;
    }
}
