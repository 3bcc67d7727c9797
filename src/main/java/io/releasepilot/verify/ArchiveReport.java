package io.releasepilot.verify;

import java.util.List;

/**
 * What was found inside a source archive.
 *
 * @param topLevel          the single top-level folder, or empty when there is not exactly one
 * @param binaries          compiled files found, each "path (kind)"
 * @param unapprovedHeaders files RAT finds without an approved license header; empty when RAT did not run
 * @param ratRan            whether the license-header check ran (it does not on an unsafe or damaged archive)
 * @param notChecked        why the content could not be checked because of a problem of this machine
 */
public record ArchiveReport(String topLevel, int entries, long bytes, List<String> binaries,
                            List<String> unapprovedHeaders, boolean ratRan, List<Finding> findings,
                            List<String> notChecked) {
    public ArchiveReport {
        notChecked = List.copyOf(notChecked);
        binaries = List.copyOf(binaries);
        unapprovedHeaders = List.copyOf(unapprovedHeaders);
        findings = List.copyOf(findings);
    }
}
