package io.releasepilot.git;

import io.releasepilot.core.ReleasePilotException;

/** A git repository could not be read or changed as asked. */
public final class GitException extends ReleasePilotException {
    private static final long serialVersionUID = 1L;

    public GitException(String message, String fix) {
        super(message, fix);
    }

    public GitException(String message, String fix, Throwable cause) {
        super(message, fix, cause);
    }
}
