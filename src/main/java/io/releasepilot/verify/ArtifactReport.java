package io.releasepilot.verify;

import io.releasepilot.pgp.SignatureCheck;

import java.util.List;
import java.util.Optional;

/** Everything checked for one artifact. Findings about it are in the report's findings, with its name. */
public record ArtifactReport(String name, long size, SignatureCheck signature, List<ChecksumCheck> checksums,
                             Optional<ArchiveReport> archive) {
    public ArtifactReport {
        checksums = List.copyOf(checksums);
    }
}
