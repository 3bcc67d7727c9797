package io.releasepilot.core;

/** The application's version, from the jar's manifest ("development build" when run from classes). */
public final class AppVersion {
    private AppVersion() {
    }

    public static String version() {
        String v = AppVersion.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }
}
