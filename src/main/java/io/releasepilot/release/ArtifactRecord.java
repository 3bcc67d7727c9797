package io.releasepilot.release;

import java.util.Objects;

/** One file of a release candidate: its bare name, its size and its SHA-512 (lower-case hex). */
public record ArtifactRecord(String file, long bytes, String sha512) {
    public ArtifactRecord {
        Objects.requireNonNull(file, "file");
        if (file.contains("/") || file.contains("\\")) {
            throw new IllegalArgumentException("an artifact is named by its bare file name: " + file);
        }
    }
}
