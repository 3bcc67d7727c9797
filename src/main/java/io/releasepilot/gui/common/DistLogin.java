package io.releasepilot.gui.common;

import io.releasepilot.svn.SvnCredentials;
import javafx.beans.property.StringProperty;

import java.util.Arrays;
import java.util.Optional;

/** Asks the release manager's Apache password for a dist commit; it is used once and never stored. */
public final class DistLogin {
    private DistLogin() {
    }

    /**
     * The credentials of {@code user} with the password typed in a dialog, or null when the dialog was cancelled
     * or the profile names no Apache id (then {@code status} says so). The typed characters are cleared here;
     * the caller closes the credentials after the commit.
     */
    public static SvnCredentials ask(DialogService dialogs, String user, StringProperty status) {
        Optional<char[]> typed = dialogs.askPassword(Messages.get("stage.password.title"),
                Messages.get("stage.password.message", user));
        if (typed.isEmpty()) {
            return null;
        }
        char[] chars = typed.get();
        try {
            return new SvnCredentials(user, chars);
        } catch (IllegalArgumentException e) {
            status.set(Messages.get("stage.status.noUser"));
            return null;
        } finally {
            Arrays.fill(chars, '\0');
        }
    }
}
