package io.releasepilot.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.releasepilot.core.AppHome;
import io.releasepilot.core.AtomicFiles;
import io.releasepilot.core.Json;
import io.releasepilot.core.DataFileException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes {@code settings.json} in the app home. A damaged settings file is reported and then left
 * alone: until the user deals with it, this store refuses to overwrite it.
 */
public final class SettingsStore {
    private final Path file;
    private boolean damaged;

    public SettingsStore(AppHome home) {
        this.file = home.settingsFile();
    }

    public Path file() {
        return file;
    }

    /** The saved settings, or empty settings when there is no file yet. */
    public Settings load() throws DataFileException {
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
            throw new DataFileException("Could not read " + file + ": " + e.getMessage(),
                    "Check that you may read the file.", e);
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

    public void save(Settings settings) throws DataFileException {
        if (damaged) {
            throw new DataFileException("Settings not saved: " + file + " could not be read earlier.",
                    "Fix or delete the file, then restart Release Pilot.", null);
        }
        try {
            AtomicFiles.write(file, Json.mapper().writeValueAsBytes(settings));
        } catch (IOException e) {
            throw new DataFileException("Could not save " + file + ": " + e.getMessage(),
                    "Check the free disk space and that you may write to " + file.getParent() + ".", e);
        }
    }
}
