package io.releasepilot.verify;

/** How much a finding matters. Any blocker fails the candidate. */
public enum Severity {
    BLOCKER, WARNING, NOTE
}
