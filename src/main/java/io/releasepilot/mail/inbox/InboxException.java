package io.releasepilot.mail.inbox;

import io.releasepilot.core.ReleasePilotException;

/** A mail source (mbox, .eml folder, IMAP folder) could not be read; the message says which and where. */
public final class InboxException extends ReleasePilotException {
    private static final long serialVersionUID = 1L;

    public InboxException(String message, String fix) {
        super(message, fix);
    }

    public InboxException(String message, String fix, Throwable cause) {
        super(message, fix, cause);
    }
}
