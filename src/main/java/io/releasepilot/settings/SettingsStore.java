package io.releasepilot.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.releasepilot.core.AppHome;
import io.releasepilot.core.AtomicFiles;
import io.releasepilot.core.Json;
import io.releasepilot.core.DataFileException;
import io.releasepilot.core.FileLocks;
import io.releasepilot.core.IoErrors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Reads and writes {@code settings.json} in the app home. A damaged settings file is reported and then left
 * alone: until the user deals with it, this store refuses to overwrite it.
 */
public final class SettingsStore {
    private final AppHome home;
    private final Path file;
    private boolean damaged;

    public SettingsStore(AppHome home) {
        this.home = home;
        this.file = home.settingsFile();
    }

    public Path file() {
        return file;
    }

    /** The saved settings, or empty settings when there is no file yet. */
    public Settings load() throws DataFileException {
        home.requireFolder();
        if (!Files.exists(file)) {
            damaged = false;
            return Settings.empty();
        }
        try {
            Settings s = Json.mapper().readValue(Files.readAllBytes(file), Settings.class);
            if (s.schemaVersion() > Settings.CURRENT_SCHEMA) {
                damaged = true;
                throw new DataFileException(file + " was written by a newer version of Release Pilot.",
                        "Update Release Pilot; until then your settings are not changed.", null);
            }
            damaged = false;
            return s;
        } catch (JsonProcessingException e) {
            damaged = true;
            String where = Json.where(e);
            throw new DataFileException(file + " is damaged" + (where.isEmpty() ? "" : " at " + where) + ": "
                    + e.getOriginalMessage(), "Fix or delete the file; Release Pilot will not overwrite it.", e);
        } catch (IOException e) {
            damaged = true;
            throw IoErrors.dataFailure("Could not read the settings", file, e);
        }
    }

    /** Loads, falling back to empty settings (and remembering not to overwrite) when the file is damaged. */
    public Settings loadOrEmpty() {
        try {
            return load();
        } catch (DataFileException e) {
            return Settings.empty();
        }
    }

    /**
     * Locks the settings file, re-reads it, applies {@code change} and saves the result, so that two Release
     * Pilots changing settings at once both keep their change. Returns the saved settings.
     */
    public Settings update(UnaryOperator<Settings> change) throws DataFileException {
        home.requireFolder();
        return FileLocks.withLock(file, null, () -> {
            Settings changed = change.apply(load());
            save(changed);
            return changed;
        });
    }

    public void save(Settings settings) throws DataFileException {
        if (damaged) {
            throw new DataFileException("Settings not saved: " + file + " could not be read earlier.",
                    "Fix or delete the file, then restart Release Pilot.", null);
        }
        try {
            AtomicFiles.write(file, Json.mapper().writeValueAsBytes(settings));
        } catch (IOException e) {
            throw IoErrors.dataFailure("Could not save the settings", file, e);
        }
    }
}
