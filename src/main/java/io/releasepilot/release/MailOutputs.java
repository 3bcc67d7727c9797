package io.releasepilot.release;

import java.time.Instant;
import java.util.List;

/**
 * A mail step (vote, result, ipmc-vote, ipmc-result, announce): what was written and, once sent, when; a vote
 * mail also says when the vote may close. {@code emlFile} is relative to the release folder.
 */
public record MailOutputs(String kind, String messageId, String subject, String from, List<String> to,
                          Instant sentAt, Instant closesAt, String emlFile, boolean sent) {
    public MailOutputs {
        to = to == null ? List.of() : List.copyOf(to);
    }
}
