package io.releasepilot.source;

/** One pre-flight check of the tree before building: passed or not, what was found, and the fix. */
public record PreflightCheck(String name, boolean passed, boolean blocking, String message, String fix) {
    public static PreflightCheck pass(String name, String message) {
        return new PreflightCheck(name, true, false, message, "");
    }

    public static PreflightCheck fail(String name, String message, String fix) {
        return new PreflightCheck(name, false, true, message, fix);
    }

    public static PreflightCheck warn(String name, String message, String fix) {
        return new PreflightCheck(name, false, false, message, fix);
    }
}
