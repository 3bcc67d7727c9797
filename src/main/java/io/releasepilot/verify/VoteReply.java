package io.releasepilot.verify;

import io.releasepilot.core.Plural;
import io.releasepilot.pgp.SignatureCheck;

import java.util.List;

/**
 * A plain-text reply to a [VOTE] thread that says exactly what was checked and what was found. The voter edits
 * it (adds "(binding)" when on the PMC, adds their own tests) and sends it.
 */
public final class VoteReply {
    private VoteReply() {
    }

    public static String draft(VerifyReport report, String toolVersion) {
        StringBuilder sb = new StringBuilder();
        String nl = System.lineSeparator();
        switch (report.outcome()) {
            case PASSED -> sb.append("+1").append(nl).append(nl);
            case FAILED -> sb.append("-1").append(nl).append(nl);
            case COULD_NOT_CHECK -> {
                sb.append("(No vote advice: some checks could not be made on my machine.)").append(nl);
                report.notChecked().forEach(r -> sb.append("- ").append(r).append(nl));
                sb.append(nl);
            }
        }
        // A version only when it is a real one: a reply to a vote names no "development build".
        boolean knownVersion = toolVersion != null && !toolVersion.isBlank() && !toolVersion.contains("development");
        sb.append("I checked ").append(report.artifacts().size() == 1 ? "the artifact"
                        : "the " + report.artifacts().size() + " artifacts").append(" in ")
                .append(report.folder().getFileName()).append(" with Release Pilot")
                .append(knownVersion ? " " + toolVersion : "").append(':').append(nl).append(nl);
        sb.append("- Signatures against ")
                .append(report.keysFile().map(p -> p.getFileName() + " (" + Plural.of(report.keysCount(), "key", "keys") + ")")
                        .orElse("no KEYS file"))
                .append(':').append(nl);
        for (ArtifactReport a : report.artifacts()) {
            SignatureCheck s = a.signature();
            sb.append("  - ").append(a.name()).append(".asc: ").append(s.status());
            s.details().ifPresent(d -> sb.append(", ").append(d.userId()).append(", ")
                    .append(d.fingerprint().grouped()).append(", ").append(d.hashAlgorithm()));
            sb.append(nl);
        }
        sb.append("- Checksums:").append(nl);
        for (ArtifactReport a : report.artifacts()) {
            if (a.checksums().isEmpty()) {
                sb.append("  - ").append(a.name()).append(": none").append(nl);
            }
            for (ChecksumCheck c : a.checksums()) {
                sb.append("  - ").append(c.file()).append(": ").append(c.algorithm().displayName()).append(' ')
                        .append(c.status()).append(nl);
            }
        }
        for (ArtifactReport a : report.artifacts()) {
            a.archive().ifPresent(r -> {
                sb.append("- Source archive ").append(a.name()).append(": ").append(r.entries()).append(" entries");
                if (!r.topLevel().isEmpty()) {
                    sb.append(", one top-level folder ").append(r.topLevel());
                }
                sb.append(", LICENSE/NOTICE checked, ").append(r.binaries().isEmpty() ? "no compiled files"
                        : Plural.of(r.binaries().size(), "compiled file", "compiled files"));
                if (r.ratRan()) {
                    sb.append(", license headers checked with Apache RAT (")
                            .append(Plural.of(r.unapprovedHeaders().size(), "file", "files"))
                            .append(" without an approved header)");
                }
                sb.append(nl);
            });
        }
        List<Finding> shown = report.findings().stream().filter(f -> f.severity() != Severity.NOTE).toList();
        sb.append(nl);
        if (shown.isEmpty()) {
            sb.append("No problems found.").append(nl);
        } else {
            sb.append("Found:").append(nl);
            for (Finding f : shown) {
                sb.append("- ").append(f.severity()).append(' ')
                        .append(f.file().isEmpty() ? "" : f.file() + ": ").append(f.message()).append(nl);
            }
        }
        return sb.toString();
    }
}
