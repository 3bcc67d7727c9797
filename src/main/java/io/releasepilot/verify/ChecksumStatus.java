package io.releasepilot.verify;

/** The outcome of one checksum file, as the JSON report spells it. */
public enum ChecksumStatus {
    MATCH, MISMATCH, MALFORMED
}
