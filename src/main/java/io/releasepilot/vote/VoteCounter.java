package io.releasepilot.vote;

import io.releasepilot.mail.inbox.InboundMessage;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies the ASF release vote rule to a thread: a voter's last vote counts (earlier ones are shown); binding
 * means on the roster ("(binding)" claims are checked, never trusted); the vote passes with at least three
 * binding +1 and more binding +1 than binding -1 (no veto), and cannot close before 72 hours from the call's Date.
 */
public final class VoteCounter {
    public static final Duration MINIMUM_OPEN = Duration.ofHours(72);
    public static final int MINIMUM_BINDING_PLUS = 3;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private VoteCounter() {
    }

    private static final class Acc {
        String name;
        String email;
        Roster.Match match;
        boolean claimedBinding;
        final List<TallyResult.EarlierVote> votes = new ArrayList<>();
        String messageId;
    }

    public static TallyResult count(TallyRequest req) throws VoteException {
        VoteThread thread = req.thread();
        InboundMessage call = thread.call();
        if (call.date() == null) {
            throw new VoteException("The VOTE mail <" + Escape.line(call.messageId()) + "> has no readable Date: header,"
                    + " so its 72 hours cannot be counted.", "Export the thread again from the list archive.");
        }
        Instant closesAt = call.date().plus(MINIMUM_OPEN);
        if (req.announcedClose() != null && req.announcedClose().isAfter(closesAt)) {
            closesAt = req.announcedClose();
        }
        Map<String, Acc> byVoter = new LinkedHashMap<>();
        List<TallyResult.Flag> flags = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<InboundMessage> mails = new ArrayList<>();
        mails.add(call);
        mails.addAll(thread.replies());
        for (InboundMessage m : mails) {
            MailVerdict verdict = MailVerdict.of(m.textBody(), m == call);
            Optional<FlagDecision> decision = req.decisions().stream()
                    .filter(d -> d.messageId().equals(m.messageId())).reduce((a, b) -> b);
            VoteValue vote = verdict.vote();
            String line = verdict.line();
            boolean claimed = verdict.claim() == LineVerdict.Claim.BINDING;
            for (MailVerdict.FlaggedLine f : verdict.flags()) {
                flags.add(new TallyResult.Flag(m.messageId(), Escape.line(m.fromName()), Escape.line(m.fromAddress()), f.reason(),
                        Escape.line(f.line()), m.date(), decision.orElse(null)));
            }
            if (decision.isPresent() && !verdict.flags().isEmpty()) {
                vote = decision.get().vote();
                line = verdict.flags().get(0).line();
            }
            if (vote == null) {
                continue;
            }
            if (m.date() == null) {
                problems.add("A vote from " + Escape.line(m.sender()) + " has no readable Date: header; it is counted as written last.");
            }
            Optional<Roster.Match> match = req.roster().find(m.fromAddress(), m.fromName(), req.aliases());
            String key = match.map(x -> "id:" + x.member().key())
                    .orElse(m.fromAddress().isEmpty() ? "name:" + m.fromName() : m.fromAddress());
            Acc acc = byVoter.computeIfAbsent(key, k -> new Acc());
            acc.name = m.fromName().isEmpty() ? match.map(x -> x.member().name()).orElse("") : m.fromName();
            acc.email = m.fromAddress();
            acc.match = match.orElse(null);
            acc.claimedBinding = claimed;
            acc.messageId = m.messageId();
            acc.votes.add(new TallyResult.EarlierVote(vote, Escape.line(line), m.date()));
        }
        for (InboundMessage late : thread.afterClosing()) {
            MailVerdict v = MailVerdict.of(late.textBody(), false);
            if (v.vote() != null) {
                flags.add(new TallyResult.Flag(late.messageId(), late.fromName(), late.fromAddress(),
                        "vote sent after the RM closed the vote; not counted", Escape.line(v.line()), late.date(), null));
            }
        }

        List<TallyResult.Voter> voters = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Acc acc : byVoter.values()) {
            TallyResult.EarlierVote last = acc.votes.get(acc.votes.size() - 1);
            boolean binding = acc.match != null;
            if (!binding) {
                unknown.add(Escape.line(acc.name.isEmpty() ? acc.email : acc.name + " <" + acc.email + ">"));
                if (acc.claimedBinding) {
                    flags.add(new TallyResult.Flag(acc.messageId, acc.name, acc.email,
                            "claims \"(binding)\" but is not on the roster " + req.roster().source()
                                    + "; counted as non-binding (add an alias if this is a member's other address)",
                            last.line(), last.date(), null));
                }
            }
            voters.add(new TallyResult.Voter(Escape.line(acc.name), Escape.line(acc.email), last.vote(), binding, last.line(), last.date(),
                    acc.votes.subList(0, acc.votes.size() - 1), acc.claimedBinding,
                    acc.match == null ? null : acc.match.by(), false, acc.messageId));
        }
        for (TallyResult.Voter dev : req.carriedFrom()) {
            Optional<Roster.Match> match = req.roster().find(dev.email(), dev.name(), req.aliases());
            if (match.isEmpty()) {
                continue;
            }
            boolean votedAgain = voters.stream().anyMatch(v -> v.matchedBy() != null
                    && req.roster().find(v.email(), v.name(), req.aliases()).map(x -> x.member().key())
                    .equals(Optional.of(match.get().member().key())));
            if (!votedAgain) {
                voters.add(new TallyResult.Voter(dev.name(), dev.email(), dev.vote(), true, dev.line(), dev.date(),
                        dev.earlier(), dev.claimedBinding(), match.get().by(), true, dev.messageId()));
            }
        }

        TallyResult.Counts binding = counts(voters, true);
        TallyResult.Counts nonBinding = counts(voters, false);
        Instant now = req.now();
        boolean closedEarly = thread.closing() != null && thread.closing().date() != null
                && thread.closing().date().isBefore(call.date().plus(MINIMUM_OPEN));
        boolean canClose = !now.isBefore(closesAt) || thread.closing() != null;
        boolean passed = false;
        String reason;
        if (thread.cancelled()) {
            reason = "The RM cancelled the vote (" + Escape.line(thread.closing().subject()) + ").";
        } else if (closedEarly) {
            Duration open = Duration.between(call.date(), thread.closing().date());
            reason = "The vote was closed after " + open.toHours() + " hours, before it could close at "
                    + SHOWN.format(call.date().plus(MINIMUM_OPEN)) + "; an ASF release vote must stay open at least 72 hours.";
        } else if (!canClose) {
            reason = "Cannot close yet, closes at " + SHOWN.format(closesAt) + (closesAt.equals(call.date().plus(MINIMUM_OPEN))
                    ? " (72 hours after the VOTE mail)." : " (as the VOTE mail announced).");
        } else if (binding.plus() < MINIMUM_BINDING_PLUS) {
            reason = "Not passed: " + binding.plus() + " binding +1, at least " + MINIMUM_BINDING_PLUS + " are needed.";
        } else if (binding.plus() <= binding.minus()) {
            reason = "Not passed: " + binding.plus() + " binding +1 are not more than " + binding.minus() + " binding -1.";
        } else {
            passed = true;
            reason = "Passed with " + binding.plus() + " binding +1, " + binding.zero() + " binding 0 and "
                    + binding.minus() + " binding -1.";
        }
        return new TallyResult(call.messageId(), call.subject(), call.fromAddress(), call.date(), passed, canClose,
                closesAt, binding, nonBinding, voters, flags, reason, unknown, problems);
    }

    private static TallyResult.Counts counts(List<TallyResult.Voter> voters, boolean binding) {
        int plus = 0;
        int zero = 0;
        int minus = 0;
        for (TallyResult.Voter v : voters) {
            if (v.binding() != binding) {
                continue;
            }
            if (v.vote().isPlus()) {
                plus++;
            } else if (v.vote().isMinus()) {
                minus++;
            } else {
                zero++;
            }
        }
        return new TallyResult.Counts(plus, zero, minus);
    }
}
