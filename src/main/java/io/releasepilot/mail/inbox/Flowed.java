package io.releasepilot.mail.inbox;

/**
 * RFC 3676 {@code format=flowed} unflowing (Jakarta Mail leaves it to the reader): soft line breaks (a line
 * ending in a space) are joined with the next line of the same quote depth; with {@code DelSp=yes} the trailing
 * space is removed. Space-stuffing is undone, the signature separator "-- " is never flowed, and quoted lines
 * come out as {@code "> "} repeated per depth.
 */
final class Flowed {
    private Flowed() {
    }

    static String unflow(String text, boolean delSp) {
        String[] lines = text.split("\r?\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        StringBuilder para = null;
        int paraDepth = 0;
        for (String raw : lines) {
            int depth = 0;
            while (depth < raw.length() && raw.charAt(depth) == '>') {
                depth++;
            }
            String line = raw.substring(depth);
            if (line.startsWith(" ")) {
                line = line.substring(1); // space-stuffing (and the space after the quote marks)
            }
            boolean signature = line.equals("-- ");
            boolean soft = !signature && line.endsWith(" ");
            if (para != null && depth != paraDepth) {
                emit(out, para, paraDepth);
                para = null;
            }
            String piece = soft && delSp ? line.substring(0, line.length() - 1) : line;
            if (para == null) {
                para = new StringBuilder(piece);
                paraDepth = depth;
            } else {
                para.append(piece);
            }
            if (!soft) {
                emit(out, para, paraDepth);
                para = null;
            }
        }
        if (para != null) {
            emit(out, para, paraDepth);
        }
        if (out.length() > 0) {
            out.setLength(out.length() - 1); // the split's last (empty) element added one newline too many
        }
        return out.toString();
    }

    private static void emit(StringBuilder out, CharSequence line, int depth) {
        if (depth > 0) {
            out.append(">".repeat(depth)).append(' ');
        }
        out.append(line).append('\n');
    }
}
