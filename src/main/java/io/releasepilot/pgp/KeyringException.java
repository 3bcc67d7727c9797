package io.releasepilot.pgp;

import io.releasepilot.core.ReleasePilotException;

/** A key or keyring could not be made, read, unlocked or used. */
public class KeyringException extends ReleasePilotException {
    private static final long serialVersionUID = 1L;

    public KeyringException(String message, String fix) {
        super(message, fix);
    }

    public KeyringException(String message, String fix, Throwable cause) {
        super(message, fix, cause);
    }
}
