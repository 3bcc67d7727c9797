package io.releasepilot.vote;

import io.releasepilot.mail.inbox.ReadResult;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tally in one call, for the CLI, the GUI and tests: read messages → find the VOTE thread → count.
 * Mails dated after {@code now} are left out, so a tally "as of" a past time sees what the RM saw then.
 * Problems met while reading (a skipped oversized mail, a missing body) are kept in the result.
 */
public final class Tally {
    private Tally() {
    }

    public static TallyResult count(ReadResult read, String voteId, Roster roster, Map<String, String> aliases,
                                    List<FlagDecision> decisions, Instant now, List<TallyResult.Voter> carriedFrom)
            throws VoteException {
        return count(read, voteId, roster, aliases, decisions, now, carriedFrom, null);
    }

    /** As above; {@code announcedClose} (from the record's vote mail, may be null) can only make the vote longer. */
    public static TallyResult count(ReadResult read, String voteId, Roster roster, Map<String, String> aliases,
                                    List<FlagDecision> decisions, Instant now, List<TallyResult.Voter> carriedFrom,
                                    Instant announcedClose) throws VoteException {
        // Counting "as of now": mails dated later (a --now in the past, a replayed archive) are not seen yet.
        List<io.releasepilot.mail.inbox.InboundMessage> seen = read.messages().stream()
                .filter(m -> m.date() == null || !m.date().isAfter(now)).toList();
        VoteThread thread = VoteThread.find(seen, voteId);
        TallyResult r = VoteCounter.count(new TallyRequest(thread, roster, aliases, decisions, now, carriedFrom, announcedClose));
        if (read.problems().isEmpty()) {
            return r;
        }
        List<String> problems = new ArrayList<>(read.problems().stream().map(Escape::line).toList());
        problems.addAll(r.problems());
        return new TallyResult(r.voteMessageId(), r.voteSubject(), r.rmAddress(), r.voteDate(), r.passed(), r.canClose(),
                r.closesAt(), r.binding(), r.nonBinding(), r.voters(), r.flagged(), r.reason(), r.unknownSenders(), problems);
    }
}
