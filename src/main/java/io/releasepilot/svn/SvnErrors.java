package io.releasepilot.svn;

import org.tmatesoft.svn.core.SVNErrorCode;
import org.tmatesoft.svn.core.SVNErrorMessage;
import org.tmatesoft.svn.core.SVNException;

import java.net.URI;

/** Turns SVNKit's errors into messages in words: what failed, where, for whom, and what to do. */
final class SvnErrors {
    private SvnErrors() {
    }

    static SvnException wrap(SVNException e, String what, String url, String user) {
        SVNErrorMessage top = e.getErrorMessage();
        String text = all(top);
        String host = host(url);
        String who = user == null ? "anonymous access" : "user '" + user + "'";
        if (has(top, SVNErrorCode.FS_TXN_OUT_OF_DATE) || has(top, SVNErrorCode.RA_OUT_OF_DATE)
                || has(top, SVNErrorCode.FS_CONFLICT) || text.contains("out of date") || text.contains("out-of-date")) {
            return new SvnException(SvnException.Reason.CHANGED, "Someone committed to " + url + " while " + what
                    + "; nothing was committed.", "Read it again and redo the change on the new text.", e);
        }
        if (has(top, SVNErrorCode.FS_ALREADY_EXISTS) || has(top, SVNErrorCode.RA_DAV_ALREADY_EXISTS)
                || text.contains("already exists")) {
            return new SvnException(SvnException.Reason.EXISTS, "Something is already at " + url + " (" + what
                    + "); nothing was committed.", "Choose another name; nothing is ever overwritten.", e);
        }
        if (has(top, SVNErrorCode.AUTHZ_UNWRITABLE) || has(top, SVNErrorCode.RA_DAV_FORBIDDEN)
                || has(top, SVNErrorCode.AUTHZ_UNREADABLE) || has(top, SVNErrorCode.AUTHZ_ROOT_UNREADABLE)
                || text.contains("403 forbidden") || text.contains("access denied") || text.contains("forbidden")) {
            return new SvnException(SvnException.Reason.FORBIDDEN, "The server " + host + " does not let " + who
                    + " write there (" + what + " at " + url + ").",
                    "Ask someone with write access (for dist/release: a PMC member) to do it.", e);
        }
        if (has(top, SVNErrorCode.RA_NOT_AUTHORIZED) || has(top, SVNErrorCode.RA_UNKNOWN_AUTH)
                || top.getErrorCode().isAuthentication() || text.contains("401") || text.contains("authorization failed")
                || text.contains("authentication")) {
            return new SvnException(SvnException.Reason.AUTHENTICATION, "The server " + host
                    + " did not accept the password of " + who + " while " + what + ".",
                    user == null ? "Give your Apache id with --username; the password is asked for."
                            : "Check the Apache id '" + user + "' and type the password again (your LDAP password).", e);
        }
        if (has(top, SVNErrorCode.FS_NOT_FOUND) || has(top, SVNErrorCode.RA_ILLEGAL_URL)
                || has(top, SVNErrorCode.FS_NOT_DIRECTORY) || text.contains("404") || text.contains("not found")
                || text.contains("path not found")) {
            return new SvnException(SvnException.Reason.NOT_FOUND, "Nothing is at " + url + " (" + what + ").",
                    "Check the dist URL in the profile.", e);
        }
        if (has(top, SVNErrorCode.RA_SVN_CONNECTION_CLOSED) || has(top, SVNErrorCode.RA_SVN_IO_ERROR)
                || has(top, SVNErrorCode.RA_DAV_REQUEST_FAILED) || has(top, SVNErrorCode.IO_ERROR)
                || top.getErrorCode().getCategory() == SVNErrorCode.RA_CATEGORY
                || top.getErrorCode().getCategory() == SVNErrorCode.RA_DAV_CATEGORY
                || top.getErrorCode().getCategory() == SVNErrorCode.RA_SVN_CATEGORY) {
            return new SvnException(SvnException.Reason.NETWORK, "The connection to " + host + " failed while " + what
                    + " (" + firstLine(top) + "). Nothing was committed.",
                    "Check the network and run it again: an interrupted commit leaves nothing behind.", e);
        }
        return new SvnException(SvnException.Reason.OTHER, "The server " + host + " refused " + what + ": "
                + firstLine(top) + ".", "Check the URL and your rights, then try again.", e);
    }

    private static boolean has(SVNErrorMessage m, SVNErrorCode code) {
        for (SVNErrorMessage x = m; x != null; x = x.getChildErrorMessage()) {
            if (x.getErrorCode() == code) {
                return true;
            }
        }
        return false;
    }

    private static String all(SVNErrorMessage m) {
        StringBuilder sb = new StringBuilder();
        for (SVNErrorMessage x = m; x != null; x = x.getChildErrorMessage()) {
            sb.append(x.getFullMessage()).append('\n');
        }
        return SvnSession.lower(sb.toString());
    }

    private static String firstLine(SVNErrorMessage m) {
        String s = m.getMessage() == null ? m.getErrorCode().getDescription() : m.getMessage();
        s = s.replace("svn: ", "").strip();
        int nl = s.indexOf('\n');
        return DistUrls.escape(nl < 0 ? s : s.substring(0, nl));
    }

    static String host(String url) {
        try {
            URI u = URI.create(url);
            return u.getPort() > 0 ? u.getHost() + ":" + u.getPort() : u.getHost();
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
