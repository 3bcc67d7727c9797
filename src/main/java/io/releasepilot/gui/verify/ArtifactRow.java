package io.releasepilot.gui.verify;

import io.releasepilot.verify.Severity;

/**
 * One line of the results table.
 *
 * @param signature  the signature status, e.g. GOOD
 * @param checksums  e.g. "SHA-512 MATCH"
 * @param content    e.g. "OK", "2 warnings", "not an archive"
 * @param worst      the most serious finding about this artifact, or null when there is none
 */
public record ArtifactRow(String name, long size, String signature, boolean signatureOk, String checksums,
                          boolean checksumsOk, String content, Severity worst, String details) {
}
