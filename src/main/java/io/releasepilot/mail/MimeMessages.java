package io.releasepilot.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Builds the RFC 5322 message of a draft with Jakarta Mail. */
final class MimeMessages {
    /** RFC 5322 date in UTC, whatever the computer's time zone (Jakarta Mail would use the default zone). */
    private static final java.time.format.DateTimeFormatter DATE = java.time.format.DateTimeFormatter
            .ofPattern("EEE, d MMM uuuu HH:mm:ss '+0000'", java.util.Locale.ENGLISH).withZone(java.time.ZoneOffset.UTC);
    private MimeMessages() {
    }

    static MimeMessage of(MailDraft draft, Session session) throws MailException {
        if (!draft.ready()) {
            throw notReady(draft);
        }
        try {
            MimeMessage m = new FixedIdMessage(session, draft.messageId());
            m.setFrom(encoded(draft.from())[0]);
            m.setRecipients(Message.RecipientType.TO, encoded(String.join(", ", draft.to())));
            if (!draft.cc().isEmpty()) {
                m.setRecipients(Message.RecipientType.CC, encoded(String.join(", ", draft.cc())));
            }
            m.setSubject(draft.subject(), StandardCharsets.UTF_8.name());
            m.setHeader("Date", DATE.format(draft.date()));
            if (draft.inReplyTo() != null) {
                m.setHeader("In-Reply-To", draft.inReplyTo());
                m.setHeader("References", draft.inReplyTo());
            }
            m.setHeader("X-Mailer", "Release Pilot");
            m.setText(crlf(draft.body()), StandardCharsets.UTF_8.name());
            m.saveChanges();
            return m;
        } catch (MessagingException e) {
            throw new MailException("The " + draft.kind().label() + " mail could not be built: " + e.getMessage(),
                    "Check the addresses and the subject in the preview.", e);
        }
    }

    /** Parses addresses as a person writes them and encodes their names (RFC 2047, UTF-8) for the header. */
    private static InternetAddress[] encoded(String addresses) throws MessagingException {
        InternetAddress[] parsed = InternetAddress.parse(addresses, true);
        InternetAddress[] out = new InternetAddress[parsed.length];
        for (int i = 0; i < parsed.length; i++) {
            try {
                out[i] = new InternetAddress(parsed[i].getAddress(), parsed[i].getPersonal(),
                        StandardCharsets.UTF_8.name());
            } catch (java.io.UnsupportedEncodingException e) {
                throw new IllegalStateException("UTF-8 is always supported", e);
            }
        }
        return out;
    }

    /** The message as RFC 5322 bytes (CRLF line ends, UTF-8 body). */
    static byte[] bytes(MailDraft draft) throws MailException {
        MimeMessage m = of(draft, Session.getInstance(new Properties()));
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            m.writeTo(out);
            return out.toByteArray();
        } catch (IOException | MessagingException e) {
            throw new MailException("The " + draft.kind().label() + " mail could not be written: " + e.getMessage(),
                    "Try again.", e);
        }
    }

    static MailException notReady(MailDraft draft) {
        return new MailException("The " + draft.kind().label() + " mail is not ready:\n" + draft.problemsText().strip(),
                "Fill in what is missing (or finish the steps named), then try again.");
    }

    private static String crlf(String text) {
        String lf = text.replace("\r\n", "\n").replace('\r', '\n');
        return (lf.endsWith("\n") ? lf : lf + "\n").replace("\n", "\r\n");
    }

    /** Keeps the Message-ID the draft chose (on the sender's domain) instead of one on this host's name. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
