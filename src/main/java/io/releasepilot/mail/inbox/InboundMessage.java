package io.releasepilot.mail.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One mail read from a list archive, a folder or a server, reduced to what a vote tally needs. Message ids are
 * kept without their angle brackets. {@code textBody} is the decoded plain text (format=flowed unflowed, HTML
 * reduced to text, quoted parts prefixed with "> "). {@code date} is null when the mail has no readable Date.
 */
public record InboundMessage(String messageId, String inReplyTo, List<String> references, String subject,
                             String fromName, String fromAddress, Instant date, String textBody) {
    private static final Pattern ANGLE_ID = Pattern.compile("<([^<>\\s]+)>");

    public InboundMessage {
        messageId = bareId(messageId);
        inReplyTo = bareId(inReplyTo);
        references = references == null ? List.of()
                : references.stream().map(InboundMessage::bareId).filter(s -> !s.isEmpty()).toList();
        subject = subject == null ? "" : subject.strip();
        fromName = fromName == null ? "" : fromName.strip();
        fromAddress = fromAddress == null ? "" : fromAddress.strip().toLowerCase(Locale.ROOT);
        textBody = Objects.requireNonNullElse(textBody, "");
    }

    /** The id without angle brackets and surrounding space; "" for null. */
    public static String bareId(String id) {
        if (id == null) {
            return "";
        }
        String s = id.strip();
        Matcher m = ANGLE_ID.matcher(s);
        if (m.find()) {
            return m.group(1);
        }
        return s.replace("<", "").replace(">", "").strip();
    }

    /** Every {@code <id>} in a References header, in order. */
    public static List<String> idsIn(String header) {
        if (header == null) {
            return List.of();
        }
        Matcher m = ANGLE_ID.matcher(header);
        java.util.ArrayList<String> ids = new java.util.ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return List.copyOf(ids);
    }

    /** Name and address for a table or a message: {@code Name <address>}, or the one that is known. */
    public String sender() {
        if (fromName.isEmpty()) {
            return fromAddress;
        }
        return fromAddress.isEmpty() ? fromName : fromName + " <" + fromAddress + ">";
    }
}
