package io.releasepilot.mail;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The count of a vote, as the [RESULT] mail reports it.
 *
 * @param canClose  true once the vote has been open 72 hours (or enough votes are in to close it)
 * @param closesAt  when the vote may close
 * @param threadUrl the archive link of the vote thread; may be null when unknown
 */
public record VoteTally(boolean passed, boolean canClose, Instant closesAt, Counts binding, Counts nonBinding,
                        List<Voter> voters, String threadUrl) {

    public VoteTally {
        Objects.requireNonNull(binding, "binding");
        Objects.requireNonNull(nonBinding, "nonBinding");
        voters = voters == null ? List.of() : List.copyOf(voters);
    }

    /** How many +1, 0 and -1. */
    public record Counts(int plus, int zero, int minus) {
        public Counts {
            if (plus < 0 || zero < 0 || minus < 0) {
                throw new IllegalArgumentException("Vote counts cannot be negative");
            }
        }
    }

    /** One voter's last vote: {@code vote} is "+1", "0" or "-1" (as the count wrote it). */
    public record Voter(String name, String vote, boolean binding) {
        public Voter {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(vote, "vote");
        }
    }
}
