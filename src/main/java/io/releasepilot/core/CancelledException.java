package io.releasepilot.core;

/** Thrown by long work when the user cancelled it through {@link Progress#isCancelled()}. */
public final class CancelledException extends ReleasePilotException {
    private static final long serialVersionUID = 1L;

    public CancelledException(String what) {
        super(what + " was cancelled.", "");
    }
}
