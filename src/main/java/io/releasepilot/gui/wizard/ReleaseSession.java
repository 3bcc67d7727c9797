package io.releasepilot.gui.wizard;

import io.releasepilot.core.DataFileException;
import io.releasepilot.release.ReleaseDocument;
import io.releasepilot.release.ReleaseProfile;
import io.releasepilot.release.ReleaseStore;
import io.releasepilot.release.StepStatus;
import io.releasepilot.release.Workspace;
import io.releasepilot.settings.Settings;
import io.releasepilot.settings.SettingsStore;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;

/**
 * The release being worked on, shared by every step: its folder, its saved document (null until the profile
 * is first saved) and a status line. Typed, never a map of objects.
 */
public final class ReleaseSession {
    private final ReleaseStore store;
    private final SettingsStore settingsStore;
    private final ReadOnlyObjectWrapper<Workspace> workspace = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ReleaseDocument> document = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Settings> settings = new SimpleObjectProperty<>(Settings.empty());
    private final StringProperty status = new SimpleStringProperty("");

    public ReleaseSession(ReleaseStore store, SettingsStore settingsStore, Settings settings) {
        this.store = store;
        this.settingsStore = settingsStore;
        this.settings.set(settings);
    }

    /** A new, not yet saved release in {@code dir}. */
    public void startNew(Path dir) {
        workspace.set(new Workspace(dir));
        document.set(null);
    }

    /** Opens the release saved in {@code dir}. */
    public void open(Path dir) throws DataFileException {
        Workspace ws = new Workspace(dir);
        ReleaseDocument doc = store.load(ws);
        workspace.set(ws);
        document.set(doc);
        remember(ws);
    }

    /** Saves {@code profile}: creates the release on first save, else updates release.json. */
    public void saveProfile(ReleaseProfile profile, String stepId) throws DataFileException {
        Workspace ws = workspace.get();
        if (ws == null) {
            throw new IllegalStateException("No release folder chosen");
        }
        ReleaseDocument current = document.get();
        ReleaseDocument next;
        if (current == null) {
            store.create(ws.dir(), profile);
            next = ReleaseDocument.of(profile).withStep(stepId, StepStatus.DONE);
        } else {
            next = current.withProfile(profile).withStep(stepId, StepStatus.DONE);
        }
        store.save(ws, next);
        document.set(next);
        remember(ws);
        rememberReleaseManager(profile);
    }

    /** Takes {@code dir} off the recent list. */
    public void forget(Path dir) {
        updateSettings(settings.get().withoutRecent(dir.toString()));
    }

    private void remember(Workspace ws) {
        updateSettings(settings.get().withRecent(ws.dir().toString()));
    }

    private void rememberReleaseManager(ReleaseProfile p) {
        Settings s = settings.get();
        if (s.defaultName().isEmpty() && s.defaultApacheId().isEmpty() && s.defaultEmail().isEmpty()) {
            updateSettings(s.withDefaults(p.rmName(), p.rmApacheId(), p.rmEmail()));
        }
    }

    private void updateSettings(Settings s) {
        settings.set(s);
        try {
            settingsStore.save(s);
        } catch (DataFileException e) {
            status.set(e.getMessage());
        }
    }

    public ReadOnlyObjectProperty<Workspace> workspaceProperty() {
        return workspace.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ReleaseDocument> documentProperty() {
        return document.getReadOnlyProperty();
    }

    public ObjectProperty<Settings> settingsProperty() {
        return settings;
    }

    public StringProperty statusProperty() {
        return status;
    }
}
