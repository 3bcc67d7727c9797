package io.releasepilot.gui.mail;

import java.io.IOException;
import java.net.URI;

/** Hands a {@code mailto:} link or an .eml file to the user's mail client (the app uses the desktop's). */
@FunctionalInterface
public interface MailClientOpener {
    void open(URI uri) throws IOException;
}
