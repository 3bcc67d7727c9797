package io.releasepilot.mail;

import java.util.Locale;
import java.util.Optional;

/** How the connection to the SMTP server is protected. */
public enum SmtpSecurity {
    /** Plain connection upgraded with STARTTLS, which must be offered (the ASF relay on port 587). */
    STARTTLS,
    /** TLS from the first byte (SMTPS, usually port 465). */
    TLS,
    /** No encryption: only for a server on this machine (tests, a local relay). */
    NONE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SmtpSecurity> byId(String id) {
        for (SmtpSecurity s : values()) {
            if (s.id().equalsIgnoreCase(id == null ? "" : id.strip())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
