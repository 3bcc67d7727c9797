package io.releasepilot.vote;

import io.releasepilot.mail.inbox.InboundMessage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A VOTE call and its replies, found among the messages of a source (which may hold other threads): replies are
 * linked by {@code In-Reply-To}/{@code References}, or by the subject ({@code Re: [VOTE] …}) when a client dropped
 * the headers. The thread ends at the RM's {@code [RESULT]} or {@code [CANCEL…]} mail; later replies are kept apart.
 */
public record VoteThread(InboundMessage call, List<InboundMessage> replies, InboundMessage closing,
                         List<InboundMessage> afterClosing, Set<String> linkedBySubject) {
    private static final Pattern CALL = Pattern.compile("^\\s*(\\[[^\\]]*\\]\\s*)*\\[VOTE\\].*", Pattern.CASE_INSENSITIVE);
    private static final Pattern REPLY_PREFIX = Pattern.compile("^\\s*((re|aw|sv|antw|r|ref|答复|回复)\\s*(\\[\\d+\\])?\\s*[:：]\\s*)+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TAGS = Pattern.compile("\\[(VOTE|RESULT|CANCEL|CANCELLED|CANCELED|ANNOUNCE|DISCUSS)\\]\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CLOSING = Pattern.compile(".*\\[(RESULT|CANCEL|CANCELLED|CANCELED)\\].*", Pattern.CASE_INSENSITIVE);

    private static final Pattern SPACES = Pattern.compile("\\s+");

    public VoteThread {
        replies = List.copyOf(replies);
        afterClosing = List.copyOf(afterClosing);
        linkedBySubject = Set.copyOf(linkedBySubject);
    }

    /** True when the closing mail cancels the vote rather than giving its result. */
    public boolean cancelled() {
        return closing != null && closing.subject().toUpperCase(Locale.ROOT).contains("[CANCEL");
    }

    /** VOTE calls among the messages (subject with [VOTE], not a reply), oldest first. */
    public static List<InboundMessage> calls(List<InboundMessage> messages) {
        return messages.stream()
                .filter(m -> CALL.matcher(m.subject()).matches() && !REPLY_PREFIX.matcher(m.subject()).find()
                        && !CLOSING.matcher(m.subject()).matches())
                .sorted(byDate())
                .toList();
    }

    /** Finds the thread of the call with {@code voteId}, or of the only call when {@code voteId} is null. */
    public static VoteThread find(List<InboundMessage> messages, String voteId) throws VoteException {
        InboundMessage call;
        if (voteId != null && !voteId.isBlank()) {
            String id = InboundMessage.bareId(voteId);
            call = messages.stream().filter(m -> m.messageId().equals(id)).findFirst()
                    .orElseThrow(() -> new VoteException("No mail with Message-ID <" + Escape.line(id) + "> in the thread source ("
                            + messages.size() + " mails read).", "Check the Message-ID, or export the list archive that holds the VOTE mail."));
        } else {
            List<InboundMessage> calls = calls(messages);
            if (calls.isEmpty()) {
                throw new VoteException("No [VOTE] mail among the " + messages.size() + " mails read.",
                        "Export the list archive that holds the VOTE mail (its subject starts with [VOTE]).");
            }
            if (calls.size() > 1) {
                StringBuilder list = new StringBuilder();
                for (InboundMessage c : calls) {
                    list.append(System.lineSeparator()).append("  <").append(Escape.line(c.messageId())).append(">  ")
                            .append(Escape.line(c.subject()));
                }
                throw new VoteException("There are " + calls.size() + " [VOTE] mails; which one is counted?" + list,
                        "Give the Message-ID of the VOTE mail (--vote-id).");
            }
            call = calls.get(0);
        }
        return of(call, messages);
    }

    /**
     * The Message-IDs of every mail in any vote thread among {@code messages} (found from headers alone), and of
     * the thread of {@code voteId}: the mails whose bodies must be read.
     */
    public static Set<String> threadIds(List<InboundMessage> messages, String voteId) {
        List<InboundMessage> calls = new ArrayList<>(calls(messages));
        if (voteId != null && !voteId.isBlank()) {
            String id = InboundMessage.bareId(voteId);
            messages.stream().filter(m -> m.messageId().equals(id)).findFirst().ifPresent(calls::add);
        }
        Set<String> ids = new HashSet<>();
        for (InboundMessage call : calls) {
            VoteThread t = of(call, messages);
            ids.add(call.messageId());
            t.replies().forEach(m -> ids.add(m.messageId()));
            t.afterClosing().forEach(m -> ids.add(m.messageId()));
            if (t.closing() != null) {
                ids.add(t.closing().messageId());
            }
        }
        return ids;
    }

    static VoteThread of(InboundMessage call, List<InboundMessage> messages) {
        Set<String> ids = new HashSet<>();
        ids.add(call.messageId());
        List<InboundMessage> rest = new ArrayList<>(messages);
        rest.removeIf(m -> m == call || (!call.messageId().isEmpty() && m.messageId().equals(call.messageId())));
        rest.sort(byDate());
        List<InboundMessage> members = new ArrayList<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (var it = rest.iterator(); it.hasNext(); ) {
                InboundMessage m = it.next();
                if (ids.contains(m.inReplyTo()) || m.references().stream().anyMatch(ids::contains)) {
                    members.add(m);
                    if (!m.messageId().isEmpty()) {
                        ids.add(m.messageId());
                    }
                    it.remove();
                    grew = true;
                }
            }
        }
        String core = core(call.subject());
        Set<String> bySubject = new HashSet<>();
        InboundMessage closing = null;
        for (InboundMessage m : rest) {
            boolean sameTopic = core(m.subject()).equals(core) && !core.isEmpty();
            if (sameTopic && CLOSING.matcher(m.subject()).matches() && fromRm(call, m)) {
                if (closing == null || byDate().compare(m, closing) < 0) {
                    closing = m;
                }
            } else if (sameTopic && REPLY_PREFIX.matcher(m.subject()).find() && m.inReplyTo().isEmpty()
                    && m.references().isEmpty()) {
                members.add(m);
                bySubject.add(m.messageId());
            }
        }
        members.sort(byDate());
        for (InboundMessage m : members) {
            if (CLOSING.matcher(m.subject()).matches() && fromRm(call, m)
                    && (closing == null || byDate().compare(m, closing) < 0)) {
                closing = m;
            }
        }
        List<InboundMessage> replies = new ArrayList<>();
        List<InboundMessage> after = new ArrayList<>();
        for (InboundMessage m : members) {
            if (m == closing) {
                continue;
            }
            if (closing != null && closing.date() != null && m.date() != null && m.date().isAfter(closing.date())) {
                after.add(m);
            } else {
                replies.add(m);
            }
        }
        return new VoteThread(call, replies, closing, after, bySubject);
    }

    private static boolean fromRm(InboundMessage call, InboundMessage m) {
        return (!call.fromAddress().isEmpty() && call.fromAddress().equals(m.fromAddress()))
                || (!call.fromName().isEmpty() && call.fromName().equalsIgnoreCase(m.fromName()));
    }

    /** The subject without reply prefixes and [VOTE]/[RESULT] tags, lower case, spaces collapsed. */
    static String core(String subject) {
        String s = REPLY_PREFIX.matcher(subject).replaceFirst("");
        s = TAGS.matcher(s).replaceAll("");
        s = REPLY_PREFIX.matcher(s).replaceFirst("");
        return SPACES.matcher(s).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }

    private static Comparator<InboundMessage> byDate() {
        return Comparator.comparing(InboundMessage::date, Comparator.nullsLast(Comparator.<Instant>naturalOrder()));
    }
}
