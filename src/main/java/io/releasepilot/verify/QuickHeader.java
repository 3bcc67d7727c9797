package io.releasepilot.verify;

import org.apache.rat.analysis.IHeaderMatcher;
import org.apache.rat.analysis.matchers.OrMatcher;
import org.apache.rat.analysis.matchers.SimpleTextMatcher;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The common case of the license-header check, decided without RAT's full matching: a file whose head holds
 * the literal text of an approved license's plain-text matcher (for the Apache License 2.0, its URL
 * {@code http://www.apache.org/licenses/LICENSE-2.0}) is approved, because RAT's matcher for that license is an
 * "any" of matchers, one of which is {@code raw.contains(literal)}.
 *
 * <p>The literal is looked for in the bytes RAT's header text is made of, so the answer is RAT's: the first
 * {@link LicenseHeaderScan#HEAD_LINES} lines (RAT's 50), each cut at {@link LicenseHeaderScan#MAX_LINE}
 * characters. Only the stretch of the head that is plain ASCII with {@code \n} line ends is searched: there a
 * byte is a character and a line is a line for both the UTF-8 decoder and RAT's line reader. A file whose head
 * does not qualify, or lacks the literal, goes through RAT's full matching ({@link LicenseHeaderScan}); so this
 * only ever answers "approved" where RAT would.
 */
final class QuickHeader {
    private QuickHeader() {
    }

    /**
     * The plain literals each of which alone makes one of {@code approved} (the approved licenses' matchers)
     * match: the {@link SimpleTextMatcher}s reached from a license's matcher through "any" ({@link OrMatcher})
     * only. A literal that holds a shorter one is left out (the shorter one is found wherever it is).
     */
    static byte[][] literals(Collection<IHeaderMatcher> approved) {
        TreeSet<String> found = new TreeSet<>();
        for (IHeaderMatcher m : approved) {
            collect(m, found);
        }
        List<byte[]> result = new ArrayList<>();
        for (String s : found) {
            boolean redundant = found.stream().anyMatch(o -> !o.equals(s) && s.contains(o));
            if (!redundant) {
                result.add(s.getBytes(StandardCharsets.US_ASCII));
            }
        }
        return result.toArray(byte[][]::new);
    }

    private static void collect(IHeaderMatcher m, Collection<String> into) {
        if (m instanceof SimpleTextMatcher text) {
            String s = text.getSimpleText();
            if (s != null && !s.isEmpty() && s.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                into.add(s);
            }
        } else if (m instanceof OrMatcher or) {
            for (IHeaderMatcher e : or.getEnclosed()) {
                collect(e, into);
            }
        }
    }

    /** True when RAT's header text of a file with these first bytes certainly contains one of {@code literals}. */
    static boolean holdsAny(byte[] head, byte[][] literals) {
        int end = plainEnd(head);
        for (byte[] literal : literals) {
            for (int at = indexOf(head, end, literal, 0); at >= 0; at = indexOf(head, end, literal, at + 1)) {
                if (at + literal.length - lineStart(head, at) <= LicenseHeaderScan.MAX_LINE) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Where the searchable stretch ends: at the end of RAT's last header line, at the first byte that is not
     * ASCII, or at the first {@code \r} (a line end for RAT's reader that the line count here would miss).
     */
    static int plainEnd(byte[] head) {
        int lines = 0;
        for (int i = 0; i < head.length; i++) {
            byte b = head[i];
            if (b < 0 || b == '\r') {
                return i;
            }
            if (b == '\n' && ++lines == LicenseHeaderScan.HEAD_LINES) {
                return i;
            }
        }
        return head.length;
    }

    private static int lineStart(byte[] head, int at) {
        int i = at;
        while (i > 0 && head[i - 1] != '\n') {
            i--;
        }
        return i;
    }

    private static int indexOf(byte[] head, int end, byte[] literal, int from) {
        byte first = literal[0];
        int last = end - literal.length;
        outer:
        for (int i = from; i <= last; i++) {
            if (head[i] != first) {
                continue;
            }
            for (int j = 1; j < literal.length; j++) {
                if (head[i + j] != literal[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
