package io.releasepilot.vote;

/** Text from mails and files shown on one line: control characters escaped, length bounded. */
final class Escape {
    private static final int MAX = 300;

    private Escape() {
    }

    static String line(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), MAX + 1));
        for (int i = 0; i < s.length() && b.length() < MAX; i++) {
            char c = s.charAt(i);
            if (c == '\t') {
                b.append(' ');
            } else if (Character.isISOControl(c) || c == '\u202e' || c == '\u202d' || c == '\u2066' || c == '\u2067'
                    || c == '\u2068' || c == '\u2069') {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        if (s.length() > MAX) {
            b.append('…');
        }
        return b.toString();
    }
}
