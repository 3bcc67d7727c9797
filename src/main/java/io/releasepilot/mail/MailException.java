package io.releasepilot.mail;

import io.releasepilot.core.ReleasePilotException;

/** A mail could not be composed, saved or sent; the message says what and where, {@link #fix()} what to do. */
public class MailException extends ReleasePilotException {
    private static final long serialVersionUID = 1L;

    public MailException(String message, String fix) {
        super(message, fix);
    }

    public MailException(String message, String fix, Throwable cause) {
        super(message, fix, cause);
    }
}
