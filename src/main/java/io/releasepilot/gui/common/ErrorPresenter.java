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

    /**
     * Shows {@code error}: a {@link ReleasePilotException} with its fix, and as details only the causes in words
     * (an expected error has no stack trace to show); anything else as unexpected, with its stack trace to report.
     */
    public void show(String title, Throwable error) {
        if (error instanceof ReleasePilotException rp) {
            dialogs.showError(title, rp.userText(), causes(rp));
            return;
        }
        dialogs.showError(title, Messages.get("error.unexpected.message", String.valueOf(error.getMessage())),
                stackTrace(error));
    }

    /** "Caused by" lines, one per cause, in words; empty when there is none. */
    static String causes(Throwable error) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = error.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            String text = t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName()
                    : t.getMessage();
            sb.append(sb.length() == 0 ? "" : "\n").append(Messages.get("error.causedBy", text));
        }
        return sb.toString();
    }

    static String stackTrace(Throwable error) {
        StringWriter sw = new StringWriter();
        error.printStackTrace(new PrintWriter(sw));
        return sw.toString();
    }
}
