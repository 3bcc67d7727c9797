package io.releasepilot.vote;

import java.time.Instant;

/**
 * The RM's decision on a flagged mail: it counts as {@code vote}, or as no vote when {@code vote} is null; who
 * decided and why are kept in the release record.
 */
public record FlagDecision(String messageId, VoteValue vote, String by, String why, Instant at) {
    public FlagDecision {
        if (messageId == null || messageId.isBlank()) {
            throw new IllegalArgumentException("the flagged mail's Message-ID is required");
        }
        if (by == null || by.isBlank() || why == null || why.isBlank()) {
            throw new IllegalArgumentException("a decision on a flagged vote records who decided and why");
        }
    }
}
