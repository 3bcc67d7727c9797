package io.releasepilot.vote;

/**
 * What one line of a reply says: nothing, a vote (with the binding claim the voter wrote, which is checked
 * later, never trusted), or something the RM must decide (a conditional vote, a +1 about something else).
 */
public record LineVerdict(Kind kind, VoteValue vote, Claim claim, String reason) {
    public enum Kind { NONE, VOTE, FLAG }

    public enum Claim { NONE, BINDING, NON_BINDING }

    public LineVerdict {
        if (kind == null || claim == null) {
            throw new IllegalArgumentException("kind and claim are required");
        }
        if (kind == Kind.VOTE && vote == null) {
            throw new IllegalArgumentException("a vote needs its value");
        }
        if (kind == Kind.FLAG && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a flag needs its reason");
        }
    }

    static final LineVerdict NONE = new LineVerdict(Kind.NONE, null, Claim.NONE, null);

    static LineVerdict vote(VoteValue v, Claim claim) {
        return new LineVerdict(Kind.VOTE, v, claim, null);
    }

    static LineVerdict flag(VoteValue v, String reason) {
        return new LineVerdict(Kind.FLAG, v, Claim.NONE, reason);
    }
}
