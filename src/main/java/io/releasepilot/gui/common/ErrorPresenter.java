package io.releasepilot.gui.common;

import io.releasepilot.core.ReleasePilotException;
import javafx.application.Platform;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.System.Logger.Level;

/**
 * Shows errors the same way everywhere: the plain message first, the technical details expandable. It is
 * also the one handler of uncaught exceptions.
 */
public final class ErrorPresenter {
    private static final System.Logger LOG = System.getLogger(ErrorPresenter.class.getName());
    private final DialogService dialogs;

    public ErrorPresenter(DialogService dialogs) {
        this.dialogs = dialogs;
    }

    /** Installs this presenter as the handler of every uncaught exception. */
    public void installAsUncaughtHandler() {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            LOG.log(Level.ERROR, "Uncaught exception in " + thread.getName(), error);
            if (Platform.isFxApplicationThread()) {
                show(Messages.get("error.unexpected.title"), error);
            } else {
                Platform.runLater(() -> show(Messages.get("error.unexpected.title"), error));
            }
        });
    }

    /** Shows {@code error}: a {@link ReleasePilotException} with its fix, anything else as unexpected. */
    public void show(String title, Throwable error) {
        String message;
        if (error instanceof ReleasePilotException rp) {
            message = rp.userText();
        } else {
            message = Messages.get("error.unexpected.message", String.valueOf(error.getMessage()));
        }
        dialogs.showError(title, message, stackTrace(error));
    }

    static String stackTrace(Throwable error) {
        StringWriter sw = new StringWriter();
        error.printStackTrace(new PrintWriter(sw));
        return sw.toString();
    }
}
