package io.releasepilot.app;

import io.releasepilot.core.AppHome;
import io.releasepilot.check.CheckService;
import io.releasepilot.gui.check.CheckStep;
import io.releasepilot.gui.common.DialogService;
import io.releasepilot.gui.wizard.SummaryStep;
import io.releasepilot.gui.keys.KeysStep;
import io.releasepilot.gui.notes.NotesStep;
import io.releasepilot.gui.sign.SignStep;
import io.releasepilot.gui.source.SourceStep;
import io.releasepilot.gui.profile.ProfileStep;
import io.releasepilot.keys.KeyService;
import io.releasepilot.pgp.KeySpec;
import io.releasepilot.gui.wizard.MainWindow;
import io.releasepilot.gui.wizard.ReleaseSession;
import io.releasepilot.gui.wizard.WizardStep;
import io.releasepilot.release.ReleaseStore;
import io.releasepilot.settings.SettingsStore;

import io.releasepilot.gui.prune.PruneStep;
import io.releasepilot.gui.publish.PublishStep;
import io.releasepilot.gui.stage.StageStep;
import io.releasepilot.svn.DistOptions;
import java.util.List;

/** The composition root: builds the window's object graph with plain {@code new}. */
public final class Composition {
    private Composition() {
    }

    public static MainWindow mainWindow(AppHome home, DialogService dialogs, Runnable verify) {
        return mainWindow(home, dialogs, verify, KeySpec.DEFAULT_BITS);
    }

    /** As above; {@code keyBits} is smaller only in tests, to keep them fast. */
    public static MainWindow mainWindow(AppHome home, DialogService dialogs, Runnable verify, int keyBits) {
        SettingsStore settingsStore = new SettingsStore(home);
        ReleaseSession session = new ReleaseSession(new ReleaseStore(), settingsStore, settingsStore.loadOrEmpty());
        KeyService keys = new KeyService(home);
        return new MainWindow(session, dialogs, () -> steps(session, dialogs, keys, keyBits), verify);
    }

    /** The wizard's steps, in order. Only steps that exist are listed. */
    static List<WizardStep> steps(ReleaseSession session, DialogService dialogs, KeyService keys, int keyBits) {
        return List.of(new ProfileStep(session, dialogs), new KeysStep(session, dialogs, keys, keyBits),
                new NotesStep(session), new SourceStep(session, keys), new SignStep(session, keys),
                new CheckStep(session, dialogs, new CheckService(keys)),
                new StageStep(session, dialogs, DistOptions.DEFAULT), new PublishStep(session, dialogs, DistOptions.DEFAULT),
                new PruneStep(session, dialogs, DistOptions.DEFAULT), new SummaryStep(session));
    }
}
