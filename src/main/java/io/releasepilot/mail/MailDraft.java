package io.releasepilot.mail;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A composed mail, as the preview shows it. It is {@link #ready()} only when every value is filled and nothing
 * blocks it; a mail that is not ready is never saved as ready or sent.
 *
 * @param from       "Name &lt;address&gt;", the release manager
 * @param missing    each missing value and where it comes from ("commit id — from the Source step (not done yet)")
 * @param blockers   what else keeps it from being sent (the vote is still open, 24 hours after publishing)
 * @param messageId  {@code <id@sender's domain>}; null when the sender's address is missing
 * @param inReplyTo  the Message-ID of the mail this one answers (the VOTE), or null
 * @param date       when it was composed; the Date header
 * @param closesAt   for a vote: when it may close, else null
 * @param template   where the template came from
 */
public record MailDraft(MailKind kind, String from, List<String> to, List<String> cc, String subject, String body,
                        List<String> missing, List<String> blockers, String messageId, String inReplyTo,
                        Instant date, Instant closesAt, String template) {

    public MailDraft {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(date, "date");
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        missing = List.copyOf(missing);
        blockers = List.copyOf(blockers);
        from = from == null ? "" : from;
        subject = subject == null ? "" : subject;
        body = body == null ? "" : body;
    }

    public boolean ready() {
        return missing.isEmpty() && blockers.isEmpty() && messageId != null;
    }

    /** The header lines and body as the preview and the terminal show them. */
    public String previewText() {
        StringBuilder sb = new StringBuilder();
        sb.append("From: ").append(from).append('\n');
        sb.append("To: ").append(String.join(", ", to)).append('\n');
        if (!cc.isEmpty()) {
            sb.append("Cc: ").append(String.join(", ", cc)).append('\n');
        }
        sb.append("Subject: ").append(subject).append('\n');
        if (inReplyTo != null) {
            sb.append("In-Reply-To: ").append(inReplyTo).append('\n');
        }
        sb.append('\n').append(body);
        if (!body.endsWith("\n")) {
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The missing values and blockers as a list a person reads; empty when ready. */
    public String problemsText() {
        StringBuilder sb = new StringBuilder();
        if (!missing.isEmpty()) {
            sb.append("Missing values:\n");
            missing.forEach(m -> sb.append("  - ").append(m).append('\n'));
        }
        if (!blockers.isEmpty()) {
            sb.append("Not yet:\n");
            blockers.forEach(b -> sb.append("  - ").append(b).append('\n'));
        }
        return sb.toString();
    }
}
