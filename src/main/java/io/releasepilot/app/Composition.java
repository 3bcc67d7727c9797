package io.releasepilot.app;

import io.releasepilot.core.AppHome;
import io.releasepilot.gui.common.DialogService;
import io.releasepilot.gui.profile.ProfileStep;
import io.releasepilot.gui.wizard.MainWindow;
import io.releasepilot.gui.wizard.ReleaseSession;
import io.releasepilot.gui.wizard.WizardStep;
import io.releasepilot.release.ReleaseStore;
import io.releasepilot.settings.SettingsStore;

import java.util.List;

/** The composition root: builds the window's object graph with plain {@code new}. */
public final class Composition {
    private Composition() {
    }

    public static MainWindow mainWindow(AppHome home, DialogService dialogs, Runnable verify) {
        SettingsStore settingsStore = new SettingsStore(home);
        ReleaseSession session = new ReleaseSession(new ReleaseStore(), settingsStore, settingsStore.loadOrEmpty());
        return new MainWindow(session, dialogs, () -> steps(session, dialogs), verify);
    }

    /** The wizard's steps, in order. Only steps that exist are listed. */
    static List<WizardStep> steps(ReleaseSession session, DialogService dialogs) {
        return List.of(new ProfileStep(session, dialogs));
    }
}
