package io.releasepilot.verify;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The verdict on a release-candidate folder: every artifact's checks and every finding. It passed when no
 * finding is a blocker and nothing was left unchecked.
 *
 * @param keysFile   the KEYS file used, if one was found
 * @param keysCount  how many keys it holds
 * @param notChecked why some checks could not be made (no usable KEYS, a local I/O problem); empty when all ran.
 *                   These are the voter's machine's problems, never the candidate's.
 */
public record VerifyReport(Path folder, Optional<Path> keysFile, int keysCount, List<ArtifactReport> artifacts,
                           List<Finding> findings, List<String> notChecked) {
    /** The overall result: a blocker fails the candidate; otherwise unchecked parts leave it undecided. */
    public enum Outcome {
        PASSED, FAILED, COULD_NOT_CHECK
    }

    public VerifyReport {
        artifacts = List.copyOf(artifacts);
        findings = List.copyOf(findings);
        notChecked = List.copyOf(notChecked);
    }

    public Outcome outcome() {
        if (findings.stream().anyMatch(f -> f.severity() == Severity.BLOCKER)) {
            return Outcome.FAILED;
        }
        if (!notChecked.isEmpty()) {
            return Outcome.COULD_NOT_CHECK;
        }
        return artifacts.isEmpty() ? Outcome.FAILED : Outcome.PASSED;
    }

    public boolean passed() {
        return outcome() == Outcome.PASSED;
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** Findings about one artifact or its sidecar files. */
    public List<Finding> findingsFor(String artifact) {
        return findings.stream().filter(f -> f.file().equals(artifact) || f.file().startsWith(artifact + ".")).toList();
    }
}
