package io.releasepilot.verify;

import java.util.Objects;

/**
 * Something the verifier found: how much it matters, in which file (relative to the RC folder), and what.
 * Control characters in either are escaped ({@link Names}): names come from the candidate.
 */
public record Finding(Severity severity, String file, String message) {
    public Finding {
        Objects.requireNonNull(severity, "severity");
        file = Names.escape(file);
        message = Names.escape(Objects.requireNonNull(message, "message"));
    }

    public static Finding blocker(String file, String message) {
        return new Finding(Severity.BLOCKER, file, message);
    }

    public static Finding warning(String file, String message) {
        return new Finding(Severity.WARNING, file, message);
    }

    public static Finding note(String file, String message) {
        return new Finding(Severity.NOTE, file, message);
    }
}
