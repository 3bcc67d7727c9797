package io.releasepilot.gui.wizard;

import io.releasepilot.core.DataFileException;
import io.releasepilot.release.RecordService;
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

import java.nio.file.Path;

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
        ReleaseRecord doc = store.load(ws);
        workspace.set(ws);
        document.set(doc);
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

    /** Re-reads release.json after a service recorded a step (or another window changed it). */
    public void reload() throws DataFileException {
        Workspace ws = workspace.get();
        if (ws != null && document.get() != null) {
            document.set(store.load(ws));
        }
    }

    /** Shows {@code record} as the release's state, after a service saved it. */
    public void recorded(ReleaseRecord record) {
        document.set(record);
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
