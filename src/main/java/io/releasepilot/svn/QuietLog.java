package io.releasepilot.svn;

import org.tmatesoft.svn.util.SVNDebugLogAdapter;
import org.tmatesoft.svn.util.SVNLogType;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.logging.Level;

/**
 * SVNKit's debug log, silenced: at FINEST its default logger writes every byte of the network traffic, which
 * holds the Basic authorization header (the password in base64). Nothing of a dist session is ever logged.
 */
final class QuietLog extends SVNDebugLogAdapter {
    static final QuietLog INSTANCE = new QuietLog();

    private QuietLog() {
    }

    @Override
    public void log(SVNLogType logType, Throwable th, Level logLevel) {
        // never logged: see the class comment
    }

    @Override
    public void log(SVNLogType logType, String message, Level logLevel) {
        // never logged
    }

    @Override
    public void log(SVNLogType logType, String message, byte[] data) {
        // never logged, above all not the traffic
    }

    @Override
    public InputStream createLogStream(SVNLogType logType, InputStream is) {
        return is;
    }

    @Override
    public OutputStream createLogStream(SVNLogType logType, OutputStream os) {
        return os;
    }
}
