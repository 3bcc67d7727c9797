package io.releasepilot.vote;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The sender's own lines of a mail: quoted lines ({@code >}) are dropped, and reading stops at a signature
 * ({@code -- }), at an attribution ({@code On … wrote:} from Gmail and Apple Mail, also wrapped over two lines,
 * and its German/French/Spanish/Italian forms), at Outlook's {@code -----Original Message-----} or its
 * {@code From: … Sent: …} header block.
 */
public final class ReplyText {
    private static final Pattern ATTRIBUTION_END = Pattern.compile(".*\\b(wrote|schrieb|a écrit|escribió|ha scritto|"
            + "skrev|schreef|napisał)\\s*:?\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTION_START = Pattern.compile("^(On|Am|Le|El|Il|Den|Op|W dniu)\\s.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ORIGINAL = Pattern.compile("^-{2,}\\s*(Original Message|Ursprüngliche Nachricht|"
            + "Message d'origine|Forwarded message)\\s*-{2,}.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_FROM = Pattern.compile("^\\*?(From|Von|De)\\*?:\\s*.+", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_SENT = Pattern.compile("^\\*?(Sent|Date|Gesendet|Envoyé|Datum|To|Subject)\\*?:.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RULE = Pattern.compile("^_{10,}\\s*$");

    private ReplyText() {
    }

    /** The own lines, in order, with their text as written. */
    public static List<String> ownLines(String body) {
        String[] lines = body.split("\r?\n", -1);
        List<String> own = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (line.equals("-- ") || line.equals("--")) {
                break;
            }
            if (trimmed.startsWith(">")) {
                continue;
            }
            if (ORIGINAL.matcher(trimmed).matches() || RULE.matcher(trimmed).matches() && nextIsFrom(lines, i)) {
                break;
            }
            if (HEADER_FROM.matcher(trimmed).matches() && headerBlockFollows(lines, i)) {
                break;
            }
            if (ATTRIBUTION_START.matcher(trimmed).matches()) {
                if (ATTRIBUTION_END.matcher(trimmed).matches()) {
                    break;
                }
                if (i + 1 < lines.length && ATTRIBUTION_END.matcher(lines[i + 1].strip()).matches()
                        && !lines[i + 1].strip().startsWith(">")) {
                    break;
                }
            }
            own.add(line);
        }
        return own;
    }

    private static boolean nextIsFrom(String[] lines, int i) {
        for (int j = i + 1; j < Math.min(lines.length, i + 3); j++) {
            if (HEADER_FROM.matcher(lines[j].strip()).matches()) {
                return true;
            }
        }
        return false;
    }

    private static boolean headerBlockFollows(String[] lines, int i) {
        for (int j = i + 1; j < Math.min(lines.length, i + 4); j++) {
            if (HEADER_SENT.matcher(lines[j].strip()).matches()) {
                return true;
            }
        }
        return false;
    }
}
