package io.releasepilot.verify;

import org.apache.rat.utils.DefaultLog;
import org.apache.rat.utils.Log;

import java.util.logging.Logger;

/**
 * Apache RAT's own log ({@code DefaultLog}) prints DEBUG, INFO and WARN on standard output, where it would break
 * {@code verify --json} (e.g. "WARN: Unsupported character set ..."). This sends it to java.util.logging
 * instead, whose console handler writes to standard error.
 */
final class RatLog implements Log {
    private static final Logger LOG = Logger.getLogger("org.apache.rat");

    private RatLog() {
    }

    /** Installs the redirection once; safe to call from any thread. */
    static synchronized void install() {
        if (!(DefaultLog.getInstance() instanceof RatLog)) {
            DefaultLog.setInstance(new RatLog());
        }
    }

    @Override
    public Log.Level getLevel() {
        return Log.Level.WARN;
    }

    @Override
    public void log(Log.Level level, String message) {
        if (isEnabled(level)) {
            LOG.log(level == Log.Level.ERROR ? java.util.logging.Level.SEVERE : java.util.logging.Level.WARNING, message);
        }
    }
}
