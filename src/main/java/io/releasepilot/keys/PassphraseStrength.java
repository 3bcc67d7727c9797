package io.releasepilot.keys;

import java.util.Set;

/** A plain indication of how hard a passphrase is to guess, from its length and variety. */
public final class PassphraseStrength {
    /** From empty to strong, each with what to do about it. */
    public enum Level {
        EMPTY("No passphrase: anyone who copies the key file can sign as you."),
        WEAK("Weak: use at least 12 characters, or several words."),
        FAIR("Fair: longer is better; several unrelated words work well."),
        GOOD("Good."),
        STRONG("Strong.");

        private final String advice;

        Level(String advice) {
            this.advice = advice;
        }

        public String advice() {
            return advice;
        }
    }

    private static final Set<String> COMMON = Set.of("password", "passphrase", "12345678", "123456789", "qwertyui",
            "iloveyou", "apache", "apache123", "letmein", "changeme", "secret");

    private PassphraseStrength() {
    }

    public static Level of(char[] p) {
        if (p == null || p.length == 0) {
            return Level.EMPTY;
        }
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        boolean space = false;
        for (char c : p) {
            lower |= Character.isLowerCase(c);
            upper |= Character.isUpperCase(c);
            digit |= Character.isDigit(c);
            space |= c == ' ';
            other |= !Character.isLetterOrDigit(c) && c != ' ';
        }
        if (p.length < 10 || COMMON.contains(new String(p).toLowerCase(java.util.Locale.ROOT))) {
            return Level.WEAK;
        }
        int variety = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0) + (space ? 1 : 0);
        int score = p.length + variety * 3;
        if (score >= 30) {
            return Level.STRONG;
        }
        return score >= 20 ? Level.GOOD : Level.FAIR;
    }
}
