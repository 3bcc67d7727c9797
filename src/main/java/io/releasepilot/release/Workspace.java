package io.releasepilot.release;

import java.nio.file.Path;
import java.util.Objects;

/** The folder that holds one release: release.json, artifacts/, mail/ drafts and logs/. */
public record Workspace(Path dir) {
    public static final String RELEASE_FILE = "release.json";

    public Workspace {
        Objects.requireNonNull(dir, "dir");
        dir = dir.toAbsolutePath().normalize();
    }

    public Path releaseFile() {
        return dir.resolve(RELEASE_FILE);
    }

    public Path artifactsDir() {
        return dir.resolve("artifacts");
    }

    public Path mailDir() {
        return dir.resolve("mail");
    }

    /** Release notes drafts. */
    public Path notesDir() {
        return dir.resolve("notes");
    }

    public Path logsDir() {
        return dir.resolve("logs");
    }
}
