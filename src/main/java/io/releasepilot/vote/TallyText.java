package io.releasepilot.vote;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The tally as plain text for a terminal (and the RESULT mail's table): voters, totals, the verdict, the flags. */
public final class TallyText {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private TallyText() {
    }

    public static String render(TallyResult r) {
        String nl = System.lineSeparator();
        StringBuilder b = new StringBuilder();
        b.append("Vote: ").append(Escape.line(r.voteSubject())).append(nl);
        b.append("Opened ").append(date(r.voteDate())).append(", may close at ").append(date(r.closesAt())).append(nl).append(nl);
        for (TallyResult.Voter v : r.voters()) {
            b.append(String.format("%-3s %-12s %s <%s>%s", v.vote().text(), v.binding() ? "binding" : "non-binding",
                    v.name(), v.email(), v.carriedOver() ? "  (carried over from the dev@ round)" : "")).append(nl);
            b.append("      \"").append(v.line()).append("\"  ").append(date(v.date())).append(nl);
            for (TallyResult.EarlierVote e : v.earlier()) {
                b.append("      earlier: ").append(e.vote().text()).append(" \"").append(e.line()).append("\"  ")
                        .append(date(e.date())).append(nl);
            }
        }
        b.append(nl).append(String.format("Binding:     +1: %d  0: %d  -1: %d%n", r.binding().plus(), r.binding().zero(),
                r.binding().minus()));
        b.append(String.format("Non-binding: +1: %d  0: %d  -1: %d%n", r.nonBinding().plus(), r.nonBinding().zero(),
                r.nonBinding().minus()));
        b.append(nl).append(r.reason()).append(nl);
        if (!r.unknownSenders().isEmpty()) {
            b.append(nl).append("Not on the roster (counted as non-binding):").append(nl);
            r.unknownSenders().forEach(u -> b.append("  ").append(u).append(nl));
        }
        if (!r.flagged().isEmpty()) {
            b.append(nl).append("For the RM to decide:").append(nl);
            for (TallyResult.Flag f : r.flagged()) {
                b.append("  ").append(Escape.line(f.name())).append(" <").append(f.email()).append(">: ").append(f.reason())
                        .append(nl).append("      \"").append(f.line()).append('"').append(nl);
                if (f.decision() != null) {
                    b.append("      decided by ").append(Escape.line(f.decision().by())).append(": ")
                            .append(f.decision().vote() == null ? "not a vote" : f.decision().vote().text())
                            .append(" (").append(Escape.line(f.decision().why())).append(')').append(nl);
                }
            }
        }
        if (!r.problems().isEmpty()) {
            b.append(nl).append("Not read:").append(nl);
            r.problems().forEach(p -> b.append("  ").append(p).append(nl));
        }
        return b.toString();
    }

    private static String date(Instant i) {
        return i == null ? "(no date)" : SHOWN.format(i);
    }
}
