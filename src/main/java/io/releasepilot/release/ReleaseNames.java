package io.releasepilot.release;

import io.releasepilot.version.NamePattern;
import io.releasepilot.version.ReleaseKind;
import io.releasepilot.version.Version;
import io.releasepilot.version.VersionFormatException;

/**
 * Everything that follows from a valid profile: artifact name, RC folder, tags, branch and dist URLs.
 */
public record ReleaseNames(
        Version version,
        ReleaseKind kind,
        String artifactBaseName,
        String sourceArtifact,
        String rcFolder,
        String rcTag,
        String releaseTag,
        String branch,
        String distDevRcUrl,
        String distReleaseUrl) {

    /** Derives the names from {@code profile}; throws when its version or a pattern is not valid. */
    public static ReleaseNames of(ReleaseProfile profile) throws VersionFormatException {
        Version version = Version.parse(profile.version());
        int rc = profile.rcNumber();
        String base = "apache-" + profile.projectId() + "-" + version + (profile.podling() ? "-incubating" : "")
                + "-src";
        String rcFolder = version + (profile.podling() ? "-incubating" : "") + "-rc" + rc;
        return new ReleaseNames(version, version.kind(), base, base + ".tar.gz", rcFolder,
                NamePattern.parse(profile.rcTagPattern()).format(version, rc),
                NamePattern.parse(profile.releaseTagPattern()).format(version, rc),
                NamePattern.parse(profile.branchPattern()).format(version, rc),
                profile.distDevUrl() + rcFolder + "/",
                profile.distReleaseUrl() + version + (profile.podling() ? "-incubating" : "") + "/");
    }
}
