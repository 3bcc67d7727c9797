package io.releasepilot.gui.common;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** User-visible text of the GUI, from {@code io/releasepilot/gui/messages.properties}. */
public final class Messages {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("io.releasepilot.gui.messages");

    private Messages() {
    }

    /** The text for {@code key}, with {0}, {1}… filled from {@code args}; fails loudly on a missing key. */
    public static String get(String key, Object... args) {
        String pattern;
        try {
            pattern = BUNDLE.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("Missing message key '" + key + "' in messages.properties", e);
        }
        return args.length == 0 ? pattern : MessageFormat.format(pattern, args);
    }
}
