package io.releasepilot.vote;

import java.util.List;
import java.util.Map;

/**
 * What the tally step remembers in the release (release.json settings, never a secret): the RM's alias list
 * (sender address → Apache id or roster address), the RM's decisions on flagged mails (who and why), and where
 * the thread and the roster came from last time.
 */
public record TallySettings(Map<String, String> aliases, List<FlagDecision> decisions, String source,
                            String rosterFile, String committeeInfoFile, String committee) {
    public TallySettings {
        aliases = aliases == null ? Map.of() : Map.copyOf(aliases);
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
    }

    public static final TallySettings EMPTY = new TallySettings(Map.of(), List.of(), null, null, null, null);
}
