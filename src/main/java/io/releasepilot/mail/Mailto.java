package io.releasepilot.mail;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A {@code mailto:} link (RFC 6068) that opens the mail client with the draft filled in. Browsers and mail
 * clients cut long links (about 2,000 characters on Windows), so a longer mail is opened as its .eml file.
 */
public final class Mailto {
    /** Longer links are cut by some systems; then open the .eml instead. */
    public static final int MAX_LENGTH = 2000;

    private Mailto() {
    }

    /** The link, or empty when it would be longer than {@link #MAX_LENGTH}. */
    public static Optional<URI> of(MailDraft draft) {
        StringBuilder sb = new StringBuilder("mailto:");
        sb.append(String.join(",", draft.to().stream().map(a -> encode(bare(a))).toList()));
        sb.append("?subject=").append(encode(draft.subject()));
        if (!draft.cc().isEmpty()) {
            sb.append("&cc=").append(String.join(",", draft.cc().stream().map(a -> encode(bare(a))).toList()));
        }
        if (draft.inReplyTo() != null) {
            sb.append("&In-Reply-To=").append(encode(draft.inReplyTo()));
        }
        sb.append("&body=").append(encode(draft.body().replace("\r\n", "\n").replace("\n", "\r\n")));
        if (sb.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(URI.create(sb.toString()));
    }

    private static String bare(String address) {
        int lt = address.lastIndexOf('<');
        int gt = address.lastIndexOf('>');
        return lt >= 0 && gt > lt ? address.substring(lt + 1, gt) : address;
    }

    /** Percent-encodes every byte outside RFC 3986's unreserved set (and '@', allowed in a mailto address). */
    static String encode(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' || c == '~' || c == '@') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }
}
