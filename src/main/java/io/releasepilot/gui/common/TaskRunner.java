package io.releasepilot.gui.common;

import io.releasepilot.core.ReleasePilotException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.StringProperty;

import java.util.function.Consumer;

/**
 * Runs a step's long work off the FX thread, one task at a time: while it runs, {@code busy} is true and
 * {@code progress} follows it; its outcome (or its failure, as the plain message with the fix) goes to the
 * step's status line. Cancel stops it through {@link io.releasepilot.core.Progress#isCancelled()}.
 */
public final class TaskRunner {
    private final StringProperty status;
    private final String cancelledMessage;
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private FxTask<?> task;

    public TaskRunner(StringProperty status, String cancelledMessage) {
        this.status = status;
        this.cancelledMessage = cancelledMessage;
    }

    /**
     * Starts {@code work}, saying {@code what} (null: leave the status line as it is, for quick background work);
     * {@code done} gets its result on the FX thread.
     */
    public <T> void run(String what, FxTask.Work<T> work, Consumer<T> done) {
        FxTask<T> t = new FxTask<>(work);
        task = t;
        busy.set(true);
        if (what != null) {
            status.set(what);
        }
        progress.bind(t.progressProperty());
        t.setOnSucceeded(e -> {
            finish();
            done.accept(t.getValue());
        });
        t.setOnFailed(e -> {
            finish();
            Throwable error = t.getException();
            status.set(error instanceof ReleasePilotException rp ? rp.userText()
                    : Messages.get("error.unexpected.message", String.valueOf(error.getMessage())));
        });
        t.setOnCancelled(e -> {
            finish();
            status.set(cancelledMessage);
        });
        t.start("task");
    }

    private void finish() {
        progress.unbind();
        busy.set(false);
    }

    public void cancel() {
        if (task != null) {
            task.cancel(false);
        }
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }
}
