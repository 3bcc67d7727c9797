package io.releasepilot.vote;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides what one line of a reply's own text says (quoted text and signatures are removed before, by
 * {@link ReplyText}). A vote at the start of a line ({@code +1}, {@code [X] +1}, {@code +1 (binding)},
 * {@code +1, I checked …}) or at the end of a sentence ({@code Checked sigs. +1 (binding)}, {@code my vote: -1})
 * is a vote; {@code [ ] +1} boxes and {@code +1 = approve} template lines are not; a conditional vote
 * ({@code +1 if …}) or a {@code +1} about something else ({@code +1 to what X said about the docs}) is flagged.
 */
public final class LineClassifier {
    private static final String VALUE = "([+\\-\u2212\u2013]?[01](?:\\.0)?)(?![\\d.,]\\d|\\d|%)";
    private static final String CLAIM = "\\(?\\s*(non[- ]?binding|binding)\\s*\\)?";
    private static final Pattern EMPTY_BOX = Pattern.compile("^\\[\\s*\\].*");
    private static final Pattern AT_START = Pattern.compile("^(?:\\[\\s*[xX\u2713\u2714*]\\s*\\]\\s*)?" + VALUE + "(.*)$");
    private static final Pattern SIGNED_TOKEN = Pattern.compile("(?<![\\w+\\-])([+\\-\u2212\u2013][01](?:\\.0)?)(?![\\d.]\\d|\\d|\\w)");
    private static final Pattern CLAIM_NEAR = Pattern.compile("^\\s*[,.:;!-]*\\s*" + CLAIM, Pattern.CASE_INSENSITIVE);
    private static final Pattern TEMPLATE = Pattern.compile("^\\s*(=|:?\\s*(approve|release this|release the|"
            + "no opinion|disapprove|do not release|don't release|reject|abstain)\\b).*", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONDITIONAL = Pattern.compile("^\\s*[,.:;-]*\\s*(?:" + CLAIM + ")?\\s*[,.:;-]*\\s*"
            + "(if|provided|assuming|once|as long as|conditional|pending|subject to|but only if|on condition)\\b.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ABOUT_OTHER = Pattern.compile("^\\s*(?:" + CLAIM + ")?\\s*(to|for|on|with)\\s+(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ABOUT_RELEASE = Pattern.compile("^(the |this |that )?(release|rc\\d*|candidate|"
            + "release candidate|vote|it|this|that|releasing|the rc|apache|ga|general availability|beta|alpha|"
            + "v?\\d+\\.\\d+(\\.\\d+)?)\\b.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern TALK_ABOUT_VOTES = Pattern.compile("^\\s*(votes?|s|'s)\\b.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern END_OF_SENTENCE = Pattern.compile("^\\s*(?:" + CLAIM + ")?\\s*(from me|here)?\\s*[.!]*\\s*"
            + "(?:" + CLAIM + ")?\\s*[.!]*\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern VOTE_LEAD = Pattern.compile(".*\\b(my vote( is)?|i vote|vote|here is my|here's my|"
            + "here’s my|my|so|hence|thus|therefore|overall|all good|lgtm)\\s*[:,]?\\s*$", Pattern.CASE_INSENSITIVE);

    private static final Pattern ZERO_REST = Pattern.compile("^\\s*([,(:;!-]|non|bind|from).*");
    private static final Pattern NON_BINDING = Pattern.compile("\\bnon[- ]?binding\\b");
    private static final Pattern BINDING = Pattern.compile("\\bbinding\\b");
    private static final Pattern NOT_BINDING = Pattern.compile("\\bnot binding\\b");

    private LineClassifier() {
    }

    /** Classifies a line of a reply. */
    public static LineVerdict classify(String line) {
        return classify(line, false);
    }

    /**
     * Classifies a line; {@code inCall} is true for the VOTE call itself, whose option lines ({@code +1 Release
     * this package}, {@code [ ] +1}, {@code +1 = approve}) are the template, not votes.
     */
    public static LineVerdict classify(String rawLine, boolean inCall) {
        String line = rawLine.strip().replace("**", "").replace('\u00a0', ' ');
        if (line.isEmpty() || line.startsWith(">") || EMPTY_BOX.matcher(line).matches()) {
            return LineVerdict.NONE;
        }
        Matcher start = AT_START.matcher(line);
        if (start.matches() && (signed(start.group(1)) || isBareZero(start))) {
            return atStart(VoteValue.parse(start.group(1)), start.group(2), inCall, line);
        }
        return inSentence(line, inCall);
    }

    private static boolean signed(String token) {
        char c = token.charAt(0);
        return c == '+' || c == '-' || c == '\u2212' || c == '\u2013';
    }

    /** "0" alone, "0 (binding)", "0, no time to check": the unsigned zero only at the start and not a number. */
    private static boolean isBareZero(Matcher start) {
        String rest = start.group(2);
        return start.group(1).startsWith("0") && (rest.isBlank() || ZERO_REST.matcher(rest).matches());
    }

    private static LineVerdict atStart(VoteValue v, String rest, boolean inCall, String line) {
        if (v == null) {
            return LineVerdict.NONE;
        }
        if (TEMPLATE.matcher(rest).matches()) {
            if (inCall || rest.strip().startsWith("=")) {
                return LineVerdict.NONE;
            }
        }
        if (TALK_ABOUT_VOTES.matcher(rest).matches()) {
            return LineVerdict.NONE;
        }
        if (CONDITIONAL.matcher(rest).matches()) {
            return LineVerdict.flag(v, "conditional vote");
        }
        Matcher about = ABOUT_OTHER.matcher(rest);
        if (about.matches() && !ABOUT_RELEASE.matcher(about.group(3).strip()).matches()) {
            return LineVerdict.flag(v, v + " about something else, not clearly a vote on the release");
        }
        if (otherValues(rest, v)) {
            return LineVerdict.flag(v, "more than one vote value on one line");
        }
        return LineVerdict.vote(v, claim(rest));
    }

    private static LineVerdict inSentence(String line, boolean inCall) {
        Matcher m = SIGNED_TOKEN.matcher(line);
        if (!m.find()) {
            return LineVerdict.NONE;
        }
        VoteValue v = VoteValue.parse(m.group(1));
        String before = line.substring(0, m.start());
        String rest = line.substring(m.end());
        if (v == null || TALK_ABOUT_VOTES.matcher(rest).matches()) {
            return LineVerdict.NONE;
        }
        if (inCall && !claim(rest).equals(LineVerdict.Claim.BINDING) && !VOTE_LEAD.matcher(before).matches()) {
            return LineVerdict.NONE; // the call's own prose ("needs three +1 votes", "[ ] +1 approve")
        }
        if (otherValues(rest, v)) {
            return LineVerdict.flag(v, "more than one vote value on one line");
        }
        if (CONDITIONAL.matcher(rest).matches()) {
            return LineVerdict.flag(v, "conditional vote");
        }
        boolean ends = END_OF_SENTENCE.matcher(rest).matches();
        boolean lead = VOTE_LEAD.matcher(before).matches();
        if (ends || lead && !ABOUT_OTHER.matcher(rest).matches()) {
            return LineVerdict.vote(v, claim(rest));
        }
        if (lead) {
            Matcher about = ABOUT_OTHER.matcher(rest);
            if (about.matches() && ABOUT_RELEASE.matcher(about.group(3).strip()).matches()) {
                return LineVerdict.vote(v, claim(rest));
            }
        }
        return LineVerdict.flag(v, v + " inside a sentence, not clearly a vote on the release");
    }

    private static boolean otherValues(String rest, VoteValue v) {
        Matcher m = SIGNED_TOKEN.matcher(rest);
        while (m.find()) {
            VoteValue other = VoteValue.parse(m.group(1));
            if (other != null && other != v) {
                return true;
            }
        }
        return false;
    }

    private static LineVerdict.Claim claim(String rest) {
        String r = rest.toLowerCase(Locale.ROOT);
        if (NON_BINDING.matcher(r).find()) {
            return LineVerdict.Claim.NON_BINDING;
        }
        if (BINDING.matcher(r).find() && !NOT_BINDING.matcher(r).find()) {
            return LineVerdict.Claim.BINDING;
        }
        return CLAIM_NEAR.matcher(rest).find() ? LineVerdict.Claim.BINDING : LineVerdict.Claim.NONE;
    }
}
