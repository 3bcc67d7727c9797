package io.releasepilot.vote;

import io.releasepilot.core.ReleasePilotException;

/** A vote thread, a roster or a tally request is not usable; the message says what and where. */
public final class VoteException extends ReleasePilotException {
    private static final long serialVersionUID = 1L;

    public VoteException(String message, String fix) {
        super(message, fix);
    }

    public VoteException(String message, String fix, Throwable cause) {
        super(message, fix, cause);
    }
}
