package io.releasepilot.vote;

import java.util.ArrayList;
import java.util.List;

/**
 * What one mail says: its vote (the line and the claim), or flags for the RM (never a guess). A mail with two
 * different votes, or a conditional vote, has no vote and a flag; a "+1 about something else" beside a clear
 * vote is flagged and the clear vote counts.
 */
public record MailVerdict(VoteValue vote, LineVerdict.Claim claim, String line, List<FlaggedLine> flags) {
    public record FlaggedLine(String reason, String line) {
    }

    public MailVerdict {
        flags = List.copyOf(flags);
        if (vote != null && (line == null || claim == null)) {
            throw new IllegalArgumentException("a vote needs its line and claim");
        }
    }

    /** Reads a mail body; {@code inCall} for the VOTE call itself. */
    public static MailVerdict of(String body, boolean inCall) {
        VoteValue vote = null;
        String voteLine = null;
        LineVerdict.Claim claim = LineVerdict.Claim.NONE;
        List<FlaggedLine> flags = new ArrayList<>();
        List<String> differing = new ArrayList<>();
        boolean blocked = false;
        for (String line : ReplyText.ownLines(body)) {
            LineVerdict v = LineClassifier.classify(line, inCall);
            String shown = line.strip();
            if (v.kind() == LineVerdict.Kind.VOTE) {
                if (vote == null) {
                    vote = v.vote();
                    voteLine = shown;
                    claim = v.claim();
                } else if (vote != v.vote()) {
                    differing.add(shown);
                } else if (claim == LineVerdict.Claim.NONE) {
                    claim = v.claim();
                }
            } else if (v.kind() == LineVerdict.Kind.FLAG) {
                flags.add(new FlaggedLine(v.reason(), shown));
                if (v.reason().startsWith("conditional") || v.reason().startsWith("more than one")) {
                    blocked = true;
                }
            }
        }
        if (!differing.isEmpty()) {
            flags.add(0, new FlaggedLine("two different votes in one mail", voteLine + " / " + String.join(" / ", differing)));
            return new MailVerdict(null, null, null, flags);
        }
        if (blocked) {
            return new MailVerdict(null, null, null, flags);
        }
        return vote == null ? new MailVerdict(null, null, null, flags) : new MailVerdict(vote, claim, voteLine, flags);
    }
}
