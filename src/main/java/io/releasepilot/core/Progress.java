package io.releasepilot.core;

/**
 * How long work reports what it does and learns that the user wants it to stop. The GUI adapts it to a
 * JavaFX task; the CLI and tests use {@link #NONE} or their own.
 */
public interface Progress {

    /** Starts a unit of work of {@code totalWork} units (use -1 when the amount is unknown). */
    void begin(String task, long totalWork);

    /** Reports {@code units} more units done since the last call. Must be thread-safe. */
    void worked(long units);

    /** True once the user asked to stop; long work checks it between chunks. */
    boolean isCancelled();

    /** Throws {@link CancelledException} when the user asked to stop. */
    default void checkCancelled(String what) throws CancelledException {
        if (isCancelled()) {
            throw new CancelledException(what);
        }
    }

    /** Reports nothing and never cancels. */
    Progress NONE = new Progress() {
        @Override
        public void begin(String task, long totalWork) {
            // nothing to report to
        }

        @Override
        public void worked(long units) {
            // nothing to report to
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };
}
