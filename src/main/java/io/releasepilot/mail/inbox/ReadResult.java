package io.releasepilot.mail.inbox;

import java.util.List;

/** The messages read from a source and what could not be read (one plain sentence each, never fatal). */
public record ReadResult(List<InboundMessage> messages, List<String> problems) {
    public ReadResult {
        messages = List.copyOf(messages);
        problems = List.copyOf(problems);
    }
}
