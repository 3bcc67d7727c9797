package io.releasepilot.vote;

import java.util.Locale;

/** A vote as written: +1, +0, 0, -0 or -1. The last three count as "zero" in the totals. */
public enum VoteValue {
    PLUS_ONE("+1"), PLUS_ZERO("+0"), ZERO("0"), MINUS_ZERO("-0"), MINUS_ONE("-1");

    private final String text;

    VoteValue(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    public boolean isPlus() {
        return this == PLUS_ONE;
    }

    public boolean isMinus() {
        return this == MINUS_ONE;
    }

    /** "+1", "+1.0", "0", "-0", "−1" (Unicode minus) …; null when it is not a vote value. */
    public static VoteValue parse(String token) {
        if (token == null) {
            return null;
        }
        String t = token.strip().replace('\u2212', '-').replace('\u2013', '-').toLowerCase(Locale.ROOT);
        if (t.endsWith(".0")) {
            t = t.substring(0, t.length() - 2);
        }
        for (VoteValue v : values()) {
            if (v.text.equals(t)) {
                return v;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return text;
    }
}
