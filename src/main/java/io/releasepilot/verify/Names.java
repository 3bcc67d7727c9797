package io.releasepilot.verify;

/**
 * Names from outside (file names in the RC folder, entry names in an archive) made safe to print: control
 * characters (newline, carriage return, ESC, DEL, C1 controls) and the Unicode line and bidi-control characters
 * are shown as escapes, so a name cannot forge report lines or drive the terminal.
 */
public final class Names {
    private Names() {
    }

    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String esc = escapeOf(c);
            if (esc != null && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (sb != null) {
                sb.append(esc != null ? esc : String.valueOf(c));
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static String escapeOf(char c) {
        switch (c) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            case 0x1b:
                return "\\e";
            default:
                break;
        }
        boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
        boolean lineOrBidi = c == 0x2028 || c == 0x2029 || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f;
        if (control) {
            return String.format("\\x%02x", (int) c);
        }
        if (lineOrBidi) {
            return String.format("\\u%04x", (int) c);
        }
        return null;
    }
}
