package io.releasepilot.svn;

/**
 * The server refused a write (HTTP 403 / authz): the user may not write there. Carries the exact request to send
 * to someone who may (for dist/release: the PMC).
 */
public final class ForbiddenException extends SvnException {
    private static final long serialVersionUID = 1L;
    private final String request;

    public ForbiddenException(String message, String fix, String request, Throwable cause) {
        super(Reason.FORBIDDEN, message, fix, cause);
        this.request = request;
    }

    /** The text to send to the PMC (or empty when there is nobody to ask). */
    public String request() {
        return request;
    }
}
