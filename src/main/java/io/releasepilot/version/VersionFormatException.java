package io.releasepilot.version;

import io.releasepilot.core.ReleasePilotException;

/** A version, tag or pattern that does not follow the expected form. */
public final class VersionFormatException extends ReleasePilotException {
    private static final long serialVersionUID = 1L;

    public VersionFormatException(String message, String fix) {
        super(message, fix);
    }
}
