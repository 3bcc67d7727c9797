package io.releasepilot.svn;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks and joins dist URLs: http, https or svn only, no user info, no query; folders end in a slash. */
public final class DistUrls {
    private DistUrls() {
    }

    /** The URL without a trailing slash, or an exception that names what is wrong with it. */
    public static String check(String url) throws SvnException {
        if (url == null || url.isBlank()) {
            throw new SvnException(SvnException.Reason.OTHER, "No dist URL was given.",
                    "Set the dist URLs in the profile, or give --dev-url / --release-url.");
        }
        String u = url.strip();
        try {
            URI uri = new URI(u);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("svn")) {
                throw new SvnException(SvnException.Reason.OTHER, "Not an http, https or svn URL: " + u + ".",
                        "Use the https://dist.apache.org/repos/dist/... URL of the dist area.");
            }
            if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getHost() == null) {
                throw new SvnException(SvnException.Reason.OTHER, "The URL " + escape(u)
                        + " must have a host and no user name, password or query in it.",
                        "Give the user name with --username; the password is asked for.");
            }
        } catch (URISyntaxException e) {
            throw new SvnException(SvnException.Reason.OTHER, "Not a valid URL: " + escape(u) + ".",
                    "Check the dist URL (spaces must be written %20).", e);
        }
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    /** {@code base/child} with one slash between. */
    public static String child(String base, String child) throws SvnException {
        return check(base) + "/" + child;
    }

    /** The longest common folder URL of two URLs on the same server, or null when they are on different servers. */
    static String commonAncestor(String a, String b) throws SvnException {
        String[] x = check(a).split("/");
        String[] y = check(b).split("/");
        if (x.length < 3 || y.length < 3 || !x[0].equalsIgnoreCase(y[0]) || !x[2].equalsIgnoreCase(y[2])) {
            return null;
        }
        int n = 0;
        while (n < x.length && n < y.length && x[n].equals(y[n])) {
            n++;
        }
        return String.join("/", java.util.Arrays.copyOf(x, n));
    }

    /** {@code url} relative to {@code base} (which is its ancestor), without leading slash; "" when equal. */
    static String relative(String base, String url) throws SvnException {
        String b = check(base);
        String u = check(url);
        if (u.equals(b)) {
            return "";
        }
        if (!u.startsWith(b + "/")) {
            throw new IllegalArgumentException(u + " is not under " + b);
        }
        return u.substring(b.length() + 1);
    }

    /** A remote name printed safely: control characters become \\uXXXX. */
    public static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
