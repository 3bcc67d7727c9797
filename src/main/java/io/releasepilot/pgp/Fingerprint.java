package io.releasepilot.pgp;

import java.util.Locale;
import java.util.regex.Pattern;

/** An OpenPGP key fingerprint: 40 hexadecimal digits (v4 keys), upper case. */
public record Fingerprint(String hex) {
    private static final Pattern HEX = Pattern.compile("[0-9A-F]{40}|[0-9A-F]{64}");

    public Fingerprint {
        hex = hex == null ? "" : hex.replace(" ", "").toUpperCase(Locale.ROOT);
        if (!HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("\"" + hex + "\" is not a key fingerprint (40 hexadecimal digits)");
        }
    }

    /** Parses user input: spaces allowed, any case. */
    public static Fingerprint parse(String text) {
        return new Fingerprint(text);
    }

    static Fingerprint of(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            sb.append(String.format("%02X", b & 0xff));
        }
        return new Fingerprint(sb.toString());
    }

    /** The long key id: the last 16 digits. */
    public String longKeyId() {
        return hex.length() == 40 ? hex.substring(24) : hex.substring(0, 16);
    }

    /** Grouped in fours with a double space in the middle, as gpg and id.apache.org show it. */
    public String grouped() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 4) {
            if (i > 0) {
                sb.append(i == hex.length() / 2 ? "  " : " ");
            }
            sb.append(hex, i, i + 4);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return hex;
    }
}
