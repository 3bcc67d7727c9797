package io.releasepilot.release;

import java.util.Map;
import java.util.TreeMap;

/** The content of {@code release.json}: a schema version, the profile and the progress of each step. */
public record ReleaseDocument(int schemaVersion, ReleaseProfile profile, Map<String, StepStatus> steps) {
    public static final int CURRENT_SCHEMA = 1;

    public ReleaseDocument {
        steps = steps == null ? Map.of() : Map.copyOf(steps);
    }

    public static ReleaseDocument of(ReleaseProfile profile) {
        return new ReleaseDocument(CURRENT_SCHEMA, profile, Map.of());
    }

    public StepStatus status(String stepId) {
        return steps.getOrDefault(stepId, StepStatus.NOT_STARTED);
    }

    public ReleaseDocument withProfile(ReleaseProfile newProfile) {
        return new ReleaseDocument(schemaVersion, newProfile, steps);
    }

    public ReleaseDocument withStep(String stepId, StepStatus status) {
        Map<String, StepStatus> copy = new TreeMap<>(steps);
        copy.put(stepId, status);
        return new ReleaseDocument(schemaVersion, profile, copy);
    }
}
