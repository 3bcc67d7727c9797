package io.releasepilot.mail;

import java.time.Instant;
import java.util.Objects;

/**
 * A mail that was sent (or saved for sending), as far as later mails need it: the Message-ID to reply to, and
 * for a vote when it closes.
 */
public record SentMail(String messageId, String subject, Instant sentAt, Instant closesAt) {
    public SentMail {
        Objects.requireNonNull(messageId, "messageId");
        if (!messageId.startsWith("<") || !messageId.endsWith(">")) {
            throw new IllegalArgumentException("A Message-ID is written <id@domain>: " + messageId);
        }
    }
}
