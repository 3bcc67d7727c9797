package io.releasepilot.mail;

/** Sending by SMTP failed; {@link #problem()} says which way, so that callers and tests can tell. */
public final class SmtpException extends MailException {
    private static final long serialVersionUID = 1L;

    /** The ways sending fails that the release manager can do something about. */
    public enum Problem {
        WRONG_PASSWORD, STARTTLS_NOT_OFFERED, CONNECTION_REFUSED, TIMEOUT, UNKNOWN_HOST, TLS_FAILED,
        RECIPIENT_REFUSED, OTHER
    }

    private final Problem problem;

    public SmtpException(Problem problem, String message, String fix, Throwable cause) {
        super(message, fix, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
