package io.releasepilot.core;


/** A file the app keeps (release.json, settings.json, a keyring) could not be read or written. */
public final class DataFileException extends ReleasePilotException {
    private static final long serialVersionUID = 1L;

    public DataFileException(String message, String fix, Throwable cause) {
        super(message, fix, cause);
    }
}
