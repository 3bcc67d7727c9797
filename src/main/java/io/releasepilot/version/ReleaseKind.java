package io.releasepilot.version;

/** Whether a release needs a new branch. */
public enum ReleaseKind {
    /** {@code x.y.0}: cut a new release branch {@code x.y} from the main line first. */
    FEATURE,
    /** {@code x.y.z} with z &gt; 0: made on the existing {@code x.y} branch. */
    PATCH;

    public boolean needsNewBranch() {
        return this == FEATURE;
    }
}
