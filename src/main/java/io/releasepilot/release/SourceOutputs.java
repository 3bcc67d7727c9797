package io.releasepilot.release;

import java.util.List;

/**
 * The source step: the RC tag and the commit it names, the folder of the RC's artifacts (relative to the
 * release folder, {@code artifacts/<version>-rcN}) and each archive built there.
 */
public record SourceOutputs(String tag, String commitId, String folder, List<ArtifactRecord> artifacts) {
    public SourceOutputs {
        artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
    }
}
