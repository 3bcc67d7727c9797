package io.releasepilot.release;

import java.util.List;

/** The check step: the verifier's verdict on the RC folder, what it found, and the KEYS file it used. */
public record CheckOutputs(boolean passed, String summary, List<String> findings, String keysFile) {
    public CheckOutputs {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }
}
