package io.releasepilot.core;

/**
 * Base of every checked exception the core throws. Its message is written for the user: what is wrong
 * and where (file, line, field); {@link #fix()} says what to do about it.
 */
public class ReleasePilotException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String fix;

    public ReleasePilotException(String message, String fix) {
        this(message, fix, null);
    }

    public ReleasePilotException(String message, String fix, Throwable cause) {
        super(message, cause);
        this.fix = fix == null ? "" : fix;
    }

    /** What the user can do about it; may be empty. */
    public String fix() {
        return fix;
    }

    /** Message and fix as one paragraph, for a terminal or a dialog. */
    public String userText() {
        return fix.isEmpty() ? getMessage() : getMessage() + System.lineSeparator() + fix;
    }
}
