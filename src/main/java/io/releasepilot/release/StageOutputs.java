package io.releasepilot.release;

import java.util.List;

/** The stage step: the RC folder's dist/dev URL, the revision that committed it, and the files it holds. */
public record StageOutputs(String url, long revision, List<ArtifactRecord> files) {
    public StageOutputs {
        files = files == null ? List.of() : List.copyOf(files);
    }
}
