package io.releasepilot.gui.common;

import io.releasepilot.core.Progress;
import javafx.concurrent.Task;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs core work that takes a {@link Progress} as a JavaFX {@link Task}: progress and messages reach the
 * task's properties, and cancelling the task makes {@link Progress#isCancelled()} true.
 */
public final class FxTask<T> extends Task<T> {

    /** Work done off the FX thread. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    private final Work<T> work;
    private final AtomicLong done = new AtomicLong();
    private volatile long total = -1;

    public FxTask(Work<T> work) {
        this.work = work;
    }

    @Override
    protected T call() throws Exception {
        return work.run(new Progress() {
            @Override
            public void begin(String task, long totalWork) {
                total = totalWork;
                done.set(0);
                updateMessage(task);
                updateProgress(totalWork < 0 ? -1 : 0, totalWork < 0 ? 1 : totalWork);
            }

            @Override
            public void worked(long units) {
                long now = done.addAndGet(units);
                if (total > 0) {
                    updateProgress(Math.min(now, total), total);
                }
            }

            @Override
            public boolean isCancelled() {
                return FxTask.this.isCancelled();
            }
        });
    }

    /** Starts the task on a daemon thread named after {@code name}. */
    public FxTask<T> start(String name) {
        Thread thread = new Thread(this, "release-pilot-" + name);
        thread.setDaemon(true);
        thread.start();
        return this;
    }
}
