package io.releasepilot.gui.wizard;

import io.releasepilot.core.DataFileException;
import io.releasepilot.release.RecordEvaluator;
import io.releasepilot.release.RecordFiles;
import io.releasepilot.release.RecordService;
import io.releasepilot.release.ReleaseStatus;
import io.releasepilot.release.StepId;
import io.releasepilot.release.StepState;
import io.releasepilot.release.StepView;
import io.releasepilot.release.ReleaseRecord;
import io.releasepilot.release.ReleaseProfile;
import io.releasepilot.release.ReleaseStore;
import io.releasepilot.release.Workspace;
import io.releasepilot.settings.Settings;
import io.releasepilot.settings.SettingsStore;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import javafx.application.Platform;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The release being worked on, shared by every step: its folder, its saved document (null until the profile
 * is first saved) and a status line. Typed, never a map of objects.
 */
public final class ReleaseSession {
    private final ReleaseStore store;
    private final SettingsStore settingsStore;
    private final ReadOnlyObjectWrapper<Workspace> workspace = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ReleaseRecord> document = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Settings> settings = new SimpleObjectProperty<>(Settings.empty());
    private final StringProperty status = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<List<StepView>> steps = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<ReleaseStatus.NextAction> next = new ReadOnlyObjectWrapper<>();
    private final ExecutorService checker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "release-record-check");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong generation = new AtomicLong();

    public ReleaseSession(ReleaseStore store, SettingsStore settingsStore, Settings settings) {
        this.store = store;
        this.settingsStore = settingsStore;
        this.settings.set(settings);
        document.addListener((obs, old, now) -> evaluate());
    }

    /**
     * Works out each step's true state: at once from the record, then, off the FX thread, with the recorded
     * files checked against the disk (an archive changed or missing makes its step stale).
     */
    private void evaluate() {
        ReleaseRecord record = document.get();
        Workspace ws = workspace.get();
        long gen = generation.incrementAndGet();
        if (record == null || ws == null) {
            steps.set(List.of());
            next.set(null);
            return;
        }
        show(record, ws, RecordEvaluator.evaluate(record, null));
        checker.submit(() -> {
            List<StepView> checked = RecordEvaluator.evaluate(record, new RecordFiles(ws));
            Platform.runLater(() -> {
                if (generation.get() == gen) {
                    show(record, ws, checked);
                }
            });
        });
    }

    private void show(ReleaseRecord record, Workspace ws, List<StepView> evaluated) {
        steps.set(evaluated);
        next.set(ReleaseStatus.of(record, evaluated, ws, java.time.Instant.now()).next().orElse(null));
    }

    /** The true state of {@code step} of the current RC (NOT_STARTED when no release is open). */
    public StepState stateOf(StepId step) {
        return steps.get().stream().filter(v -> v.step() == step).findFirst().map(StepView::status)
                .orElse(StepState.NOT_STARTED);
    }

    /** The evaluated view of {@code step}, if a release is open. */
    public java.util.Optional<StepView> viewOf(StepId step) {
        return steps.get().stream().filter(v -> v.step() == step).findFirst();
    }

    /**
     * When {@code step} of the current RC was done, as the window writes times ("2026-11-25 14:02", UTC);
     * empty unless the record says it is done (not stale, not failed).
     */
    public java.util.Optional<String> doneAt(StepId step) {
        return viewOf(step).filter(v -> v.status() == StepState.DONE && v.at() != null)
                .map(v -> RecordEvaluator.time(v.at()));
    }

    public ReadOnlyObjectProperty<List<StepView>> stepsProperty() {
        return steps.getReadOnlyProperty();
    }

    /** The next thing to do, or null when every step that exists is done. */
    public ReadOnlyObjectProperty<ReleaseStatus.NextAction> nextProperty() {
        return next.getReadOnlyProperty();
    }

    /** A new, not yet saved release in {@code dir}. */
    public void startNew(Path dir) {
        workspace.set(new Workspace(dir));
        document.set(null);
    }

    /** Opens the release saved in {@code dir}. */
    public void open(Path dir) throws DataFileException {
        Workspace ws = new Workspace(dir);
        ReleaseRecord doc = store.load(ws);
        workspace.set(ws);
        document.set(doc);
        evaluate();
        remember(ws);
    }

    /** Saves {@code profile}: creates the release on first save, else updates release.json. */
    public void saveProfile(ReleaseProfile profile) throws DataFileException {
        Workspace ws = workspace.get();
        if (ws == null) {
            throw new IllegalStateException("No release folder chosen");
        }
        if (document.get() == null) {
            store.create(ws.dir(), profile);
            document.set(store.load(ws));
        } else {
            document.set(records().saveProfile(profile));
        }
        remember(ws);
        rememberReleaseManager(profile);
    }

    /** The record service of the open release (null when none is open). */
    public RecordService records() {
        Workspace ws = workspace.get();
        return ws == null ? null : new RecordService(ws, store);
    }

    /** Takes {@code dir} off the recent list. */
    public void forget(Path dir) {
        updateSettings(s -> s.withoutRecent(dir.toString()));
    }

    /** Re-reads release.json after a service recorded a step (or another window changed it). */
    public void reload() throws DataFileException {
        Workspace ws = workspace.get();
        if (ws != null && document.get() != null) {
            document.set(store.load(ws));
            evaluate();
        }
    }

    /** Shows {@code record} as the release's state, after a service saved it. */
    public void recorded(ReleaseRecord record) {
        document.set(record);
    }

    private void remember(Workspace ws) {
        updateSettings(s -> s.withRecent(ws.dir().toString()));
    }

    private void rememberReleaseManager(ReleaseProfile p) {
        updateSettings(s -> s.defaultName().isEmpty() && s.defaultApacheId().isEmpty() && s.defaultEmail().isEmpty()
                ? s.withDefaults(p.rmName(), p.rmApacheId(), p.rmEmail()) : s);
    }

    /** Applies {@code change} to the settings on disk under their lock (another window may have changed them). */
    private void updateSettings(java.util.function.UnaryOperator<Settings> change) {
        settings.set(change.apply(settings.get()));
        try {
            settings.set(settingsStore.update(change));
        } catch (DataFileException e) {
            status.set(e.getMessage());
        }
    }

    public ReadOnlyObjectProperty<Workspace> workspaceProperty() {
        return workspace.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ReleaseRecord> documentProperty() {
        return document.getReadOnlyProperty();
    }

    public ObjectProperty<Settings> settingsProperty() {
        return settings;
    }

    public StringProperty statusProperty() {
        return status;
    }
}
