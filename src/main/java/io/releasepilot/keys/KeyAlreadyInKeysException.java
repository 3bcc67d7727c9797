package io.releasepilot.keys;

import io.releasepilot.core.ReleasePilotException;

/** The key is in the KEYS file already: nothing to append (entries are never rewritten). */
public final class KeyAlreadyInKeysException extends ReleasePilotException {
    private static final long serialVersionUID = 1L;

    public KeyAlreadyInKeysException(String message, String fix) {
        super(message, fix);
    }
}
