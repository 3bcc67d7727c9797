package io.releasepilot.mail;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the mail steps remember between sessions in release.json: the SMTP server, protection and user (never
 * the password), and the values the release manager typed ({@link MailInput} keys).
 */
public record MailSettings(String smtpHost, int smtpPort, String security, String username,
                           Map<String, String> values) {
    public MailSettings {
        values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(values));
    }
}
