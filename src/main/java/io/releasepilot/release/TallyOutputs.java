package io.releasepilot.release;

import java.time.Instant;
import java.util.List;

/** The tally step: the count of a vote thread, who voted what, and the verdict with its reason. */
public record TallyOutputs(boolean passed, boolean canClose, Instant closesAt, Counts binding, Counts nonBinding,
                           List<VoterRecord> voters, List<String> flagged, String reason, String threadUrl) {
    public TallyOutputs {
        voters = voters == null ? List.of() : List.copyOf(voters);
        flagged = flagged == null ? List.of() : List.copyOf(flagged);
    }

    /** Votes of one kind: +1, 0 (+0, -0 and 0) and -1. */
    public record Counts(int plus, int zero, int minus) {
    }

    /** The vote that counted for one voter, and the line it was read from. */
    public record VoterRecord(String name, String email, String vote, boolean binding, String line, Instant date) {
    }
}
