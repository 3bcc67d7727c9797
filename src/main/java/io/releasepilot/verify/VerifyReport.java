package io.releasepilot.verify;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The verdict on a release-candidate folder: every artifact's checks and every finding. It passed when no
 * finding is a blocker.
 *
 * @param keysFile  the KEYS file used, if one was found
 * @param keysCount how many keys it holds
 */
public record VerifyReport(Path folder, Optional<Path> keysFile, int keysCount, List<ArtifactReport> artifacts,
                           List<Finding> findings) {
    public VerifyReport {
        artifacts = List.copyOf(artifacts);
        findings = List.copyOf(findings);
    }

    public boolean passed() {
        return !artifacts.isEmpty() && findings.stream().noneMatch(f -> f.severity() == Severity.BLOCKER);
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** Findings about one artifact or its sidecar files. */
    public List<Finding> findingsFor(String artifact) {
        return findings.stream().filter(f -> f.file().equals(artifact) || f.file().startsWith(artifact + ".")).toList();
    }
}
