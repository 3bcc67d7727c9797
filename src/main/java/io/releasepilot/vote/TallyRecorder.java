package io.releasepilot.vote;

import io.releasepilot.core.DataFileException;
import io.releasepilot.release.MailOutputs;
import io.releasepilot.release.RecordService;
import io.releasepilot.release.ReleaseRecord;
import io.releasepilot.release.StepId;
import io.releasepilot.release.TallyOutputs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tally's place in the release record: the VOTE mail's Message-ID and deadline come from the {@code vote}
 * (or {@code ipmc-vote}) step; the count is recorded as {@code tally} (or {@code ipmc-tally}) DONE, or WAITING
 * until the deadline; the alias list and the RM's decisions on flags are remembered with the step's settings.
 */
public final class TallyRecorder {
    private final RecordService record;
    private final boolean ipmcRound;

    public TallyRecorder(RecordService record, boolean ipmcRound) {
        this.record = record;
        this.ipmcRound = ipmcRound;
    }

    public StepId voteStep() {
        return ipmcRound ? StepId.IPMC_VOTE : StepId.VOTE;
    }

    public StepId tallyStep() {
        return ipmcRound ? StepId.IPMC_TALLY : StepId.TALLY;
    }

    /** The VOTE mail as recorded when it was sent, or null. */
    public MailOutputs voteMail() throws DataFileException {
        return record.load().outputs(voteStep(), MailOutputs.class);
    }

    public TallySettings settings() throws DataFileException {
        TallySettings s = record.load().settings(tallyStep(), TallySettings.class);
        return s == null ? TallySettings.EMPTY : s;
    }

    public void saveSettings(TallySettings settings) throws DataFileException {
        record.saveSettings(tallyStep(), settings);
    }

    /** For the general@incubator round: the dev@ round's voters as recorded by its tally. */
    public List<TallyResult.Voter> devRoundVoters() throws DataFileException {
        if (!ipmcRound) {
            return List.of();
        }
        ReleaseRecord r = record.load();
        TallyOutputs dev = r.outputs(StepId.TALLY, TallyOutputs.class);
        if (dev == null) {
            return List.of();
        }
        List<TallyResult.Voter> voters = new ArrayList<>();
        for (TallyOutputs.VoterRecord v : dev.voters()) {
            VoteValue value = VoteValue.parse(v.vote());
            if (value != null) {
                voters.add(new TallyResult.Voter(v.name(), v.email(), value, v.binding(), v.line(), v.date(), List.of(),
                        false, null, false, ""));
            }
        }
        return voters;
    }

    /** Records the count: DONE when the vote can close, else WAITING until it can. */
    public void record(TallyResult result, String threadUrl) throws DataFileException {
        TallyOutputs out = outputs(result, threadUrl);
        if (result.canClose()) {
            record.done(tallyStep(), out);
        } else {
            record.waiting(tallyStep(), result.closesAt(), out);
        }
    }

    /** Adds aliases to the remembered list (later ones win) and returns the merged list. */
    public static Map<String, String> merge(Map<String, String> remembered, Map<String, String> added) {
        Map<String, String> all = new LinkedHashMap<>(remembered);
        all.putAll(added);
        return all;
    }

    public static TallyOutputs outputs(TallyResult r, String threadUrl) {
        List<TallyOutputs.VoterRecord> voters = r.voters().stream()
                .map(v -> new TallyOutputs.VoterRecord(v.name(), v.email(), v.vote().text(), v.binding(), v.line(), v.date()))
                .toList();
        List<String> flagged = new ArrayList<>();
        for (TallyResult.Flag f : r.flagged()) {
            String text = f.email() + ": " + f.reason() + ": \"" + f.line() + "\"";
            if (f.decision() != null) {
                text += " (decided by " + Escape.line(f.decision().by()) + ": "
                        + (f.decision().vote() == null ? "not a vote" : f.decision().vote().text()) + ", because "
                        + Escape.line(f.decision().why()) + ")";
            }
            flagged.add(text);
        }
        return new TallyOutputs(r.passed(), r.canClose(), r.closesAt(), counts(r.binding()), counts(r.nonBinding()),
                voters, flagged, r.reason(), threadUrl);
    }

    private static TallyOutputs.Counts counts(TallyResult.Counts c) {
        return new TallyOutputs.Counts(c.plus(), c.zero(), c.minus());
    }

    /** The later of the 72 hours from the mail's Date: and the deadline the VOTE mail announced. */
    public static Instant announcedClose(MailOutputs vote) {
        return vote == null ? null : vote.closesAt();
    }
}
