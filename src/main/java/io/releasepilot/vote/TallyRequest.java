package io.releasepilot.vote;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to count: the thread, who is binding, the RM's alias list (sender address → Apache id or roster address)
 * and decisions on flags, the time of counting, and for a podling's general@incubator round the dev@ round's
 * voters (IPMC members among them are carried over). {@code announcedClose} (may be null) is the deadline the
 * VOTE mail announced; it can make the vote longer than 72 hours, never shorter.
 */
public record TallyRequest(VoteThread thread, Roster roster, Map<String, String> aliases, List<FlagDecision> decisions,
                           Instant now, List<TallyResult.Voter> carriedFrom, Instant announcedClose) {
    public TallyRequest {
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(roster, "roster");
        Objects.requireNonNull(now, "now");
        aliases = aliases == null ? Map.of() : Map.copyOf(aliases);
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        carriedFrom = carriedFrom == null ? List.of() : List.copyOf(carriedFrom);
    }

    public TallyRequest(VoteThread thread, Roster roster, Map<String, String> aliases, List<FlagDecision> decisions,
                        Instant now, List<TallyResult.Voter> carriedFrom) {
        this(thread, roster, aliases, decisions, now, carriedFrom, null);
    }
}
