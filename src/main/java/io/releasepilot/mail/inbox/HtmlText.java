package io.releasepilot.mail.inbox;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reduces an HTML-only mail to plain text the way a reader sees it: block elements and {@code <br>} end lines,
 * text inside {@code <blockquote>} comes out quoted ("> "), head/style/script are dropped, entities decoded.
 * Enough for votes ("+1 (binding)" in a div); not a renderer.
 */
final class HtmlText {
    private static final Pattern TOKEN = Pattern.compile("<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>|([^<]+)|<",
            Pattern.DOTALL);
    private static final Pattern DROPPED = Pattern.compile("<(head|style|script|title)\\b[^>]*>.*?</\\1\\s*>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Map<String, String> NAMED = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"",
            "apos", "'", "nbsp", " ", "ndash", "\u2013", "mdash", "\u2014", "hellip", "\u2026", "minus", "\u2212");
    private static final java.util.Set<String> BLOCKS = java.util.Set.of("p", "div", "br", "tr", "li", "ul", "ol",
            "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr", "dd", "dt");

    private static final Pattern SPACES = Pattern.compile("[\\s\u00a0]+");

    private HtmlText() {
    }

    static String toText(String html) {
        String s = DROPPED.matcher(html).replaceAll(" ");
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder();
        int depth = 0;
        int pre = 0;
        Matcher m = TOKEN.matcher(s);
        while (m.find()) {
            if (m.group(2) != null) {
                String tag = m.group(2).toLowerCase(Locale.ROOT);
                boolean closing = !m.group(1).isEmpty();
                if (BLOCKS.contains(tag)) {
                    endLine(out, line, depth, tag.equals("br"));
                }
                if (tag.equals("blockquote")) {
                    depth = Math.max(0, depth + (closing ? -1 : 1));
                } else if (tag.equals("pre")) {
                    pre = Math.max(0, pre + (closing ? -1 : 1));
                }
            } else if (m.group(3) != null) {
                String text = decode(m.group(3));
                if (pre > 0) {
                    String[] parts = text.split("\r?\n", -1);
                    for (int i = 0; i < parts.length; i++) {
                        if (i > 0) {
                            endLine(out, line, depth, true);
                        }
                        line.append(parts[i]);
                    }
                } else {
                    text = SPACES.matcher(text).replaceAll(" ");
                    if (line.length() == 0) {
                        text = text.stripLeading();
                    }
                    line.append(text);
                }
            } else if (m.group(0).equals("<")) {
                line.append('<');
            }
        }
        endLine(out, line, depth, false);
        return out.toString().strip();
    }

    private static void endLine(StringBuilder out, StringBuilder line, int depth, boolean always) {
        String text = line.toString().strip();
        line.setLength(0);
        if (text.isEmpty() && !always) {
            return;
        }
        if (depth > 0) {
            out.append("> ".repeat(depth));
        }
        out.append(text).append('\n');
    }

    static String decode(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher m = ENTITY.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String rep;
            if (e.startsWith("#x") || e.startsWith("#X")) {
                rep = codePoint(Integer.parseInt(e.substring(2), 16), m.group());
            } else if (e.startsWith("#")) {
                rep = codePoint(Integer.parseInt(e.substring(1)), m.group());
            } else {
                rep = NAMED.getOrDefault(e.toLowerCase(Locale.ROOT), m.group());
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(rep));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String codePoint(int cp, String original) {
        return Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : original;
    }
}
