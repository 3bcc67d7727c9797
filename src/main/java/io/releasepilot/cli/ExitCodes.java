package io.releasepilot.cli;

/**
 * Exit codes of {@code release-pilot}, the same for every subcommand.
 * <ul>
 *   <li>0: done; for {@code verify}, every check passed</li>
 *   <li>1: the checks ran and at least one failed (for example a bad signature)</li>
 *   <li>2: bad usage, bad input or an I/O error; the message says what and where</li>
 *   <li>3: an unexpected internal error (a bug: please report it with the printed details)</li>
 *   <li>130: cancelled by the user</li>
 * </ul>
 */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int CHECKS_FAILED = 1;
    public static final int USAGE_OR_IO = 2;
    public static final int INTERNAL = 3;
    public static final int CANCELLED = 130;

    private ExitCodes() {
    }
}
