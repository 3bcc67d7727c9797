package io.releasepilot.vote;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The count of one vote round: every voter with the line that counted, the totals, passed or not and why, and
 * what the RM must look at (flags). {@code canClose} is false while the 72 hours are not over.
 */
public record TallyResult(String voteMessageId, String voteSubject, String rmAddress, Instant voteDate,
                          boolean passed, boolean canClose, Instant closesAt, Counts binding, Counts nonBinding,
                          List<Voter> voters, List<Flag> flagged, String reason, List<String> unknownSenders,
                          List<String> problems) {

    public record Counts(int plus, int zero, int minus) {
        public Counts {
            if (plus < 0 || zero < 0 || minus < 0) {
                throw new IllegalArgumentException("counts are never negative");
            }
        }
    }

    /** A vote given earlier by the same voter and replaced by a later one. */
    public record EarlierVote(VoteValue vote, String line, Instant date) {
    }

    /**
     * One voter's row. {@code matchedBy} says how the roster knew the sender (null when not on it);
     * {@code carriedOver} marks an IPMC member's vote taken from the podling's dev@ round.
     */
    public record Voter(String name, String email, VoteValue vote, boolean binding, String line, Instant date,
                        List<EarlierVote> earlier, boolean claimedBinding, Roster.MatchedBy matchedBy,
                        boolean carriedOver, String messageId) {
        public Voter {
            Objects.requireNonNull(vote, "vote");
            earlier = List.copyOf(earlier);
            name = name == null ? "" : name;
            email = email == null ? "" : email;
            line = line == null ? "" : line;
        }
    }

    /** Something the RM must decide; {@code decision} is the RM's answer once given. */
    public record Flag(String messageId, String name, String email, String reason, String line, Instant date,
                       FlagDecision decision) {
        public boolean resolved() {
            return decision != null;
        }
    }

    public TallyResult {
        voters = List.copyOf(voters);
        flagged = List.copyOf(flagged);
        unknownSenders = List.copyOf(unknownSenders);
        problems = List.copyOf(problems);
    }
}
