package io.releasepilot.svn;

import io.releasepilot.core.ReleasePilotException;

/** A dist area operation failed; {@link #reason()} says how, the message says what and where in words. */
public class SvnException extends ReleasePilotException {
    private static final long serialVersionUID = 1L;

    /** Why a dist operation failed, for callers that react differently (retry, ask again, PMC request). */
    public enum Reason {
        /** The server did not accept the user name and password. */
        AUTHENTICATION,
        /** The user is known but may not write (or read) there (HTTP 403, authz). */
        FORBIDDEN,
        /** The target (an RC folder, a release folder) is already there. */
        EXISTS,
        /** Someone committed to the same path since it was read. */
        CHANGED,
        /** The URL or path does not exist. */
        NOT_FOUND,
        /** The server could not be reached or the connection broke. */
        NETWORK,
        /** The server's answer is not what was sent or expected. */
        MISMATCH,
        OTHER
    }

    private final Reason reason;

    public SvnException(Reason reason, String message, String fix) {
        this(reason, message, fix, null);
    }

    public SvnException(Reason reason, String message, String fix, Throwable cause) {
        super(message, fix, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
