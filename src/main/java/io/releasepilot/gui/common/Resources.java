package io.releasepilot.gui.common;

import java.net.URL;

/** Finds the GUI's resources; a missing one fails at once with its path. */
public final class Resources {
    private Resources() {
    }

    public static String url(String path) {
        URL url = Resources.class.getResource(path);
        if (url == null) {
            throw new IllegalStateException("Resource not found on the class path: " + path);
        }
        return url.toExternalForm();
    }
}
