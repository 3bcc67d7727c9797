package io.releasepilot.gui.common;

import java.nio.file.Path;
import java.util.Optional;

/** Every dialog the views open goes through here, so tests can answer them without a real window. */
public interface DialogService {

    Optional<Path> chooseDirectory(String title, Path initial);

    Optional<Path> chooseFile(String title, Path initial);

    /** Where to save a new file, suggesting {@code initialName}. */
    Optional<Path> chooseSaveFile(String title, String initialName);

    /** Shows a plain message; {@code details} (a stack trace, a log) are expandable when given. */
    void showError(String title, String message, String details);

    void showInfo(String title, String message);

    boolean confirm(String title, String message);

    /**
     * Asks for a password (not echoed); the caller clears the returned characters. Empty when the user
     * cancelled or the dialog service cannot ask.
     */
    default Optional<char[]> askPassword(String title, String message) {
        return Optional.empty();
    }
}
