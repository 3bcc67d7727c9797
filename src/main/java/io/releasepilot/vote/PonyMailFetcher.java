package io.releasepilot.vote;

import io.releasepilot.core.CancelledException;
import io.releasepilot.core.Progress;
import io.releasepilot.mail.inbox.ReadResult;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Fetches a vote thread from lists.apache.org over HTTPS: a thread link ({@code https://lists.apache.org/thread/MID})
 * or an API link ({@code …/api/thread.lua?id=MID}); then {@code api/email.lua?id=…} for every mail whose body the
 * thread answer does not hold. Answers are bounded in size, each request and the whole fetch in time; redirects
 * are not followed. Plain http is allowed only to this machine (tests replay recorded answers there).
 */
public final class PonyMailFetcher {
    private static final Duration CONNECT = Duration.ofSeconds(10);
    private static final Duration REQUEST = Duration.ofSeconds(30);
    private static final Duration TOTAL = Duration.ofMinutes(3);
    private final HttpClient client;

    public PonyMailFetcher() {
        this.client = HttpClient.newBuilder().connectTimeout(CONNECT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The API base ({@code https://host[:port]/}) and the thread's mail id, taken from a thread or API link. */
    public record ThreadLink(URI base, String mid) {
        public static ThreadLink parse(String url) throws VoteException {
            URI uri;
            try {
                uri = new URI(url.strip());
            } catch (URISyntaxException e) {
                throw new VoteException("Not a URL: " + Escape.line(url), "Give the thread's link from lists.apache.org.", e);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
                throw new VoteException("Not a web link: " + Escape.line(url),
                        "Give the thread's link, like https://lists.apache.org/thread/abc123");
            }
            if (scheme.equals("http") && !isLoopback(uri.getHost())) {
                throw new VoteException("The link uses plain http: " + Escape.line(url),
                        "Use https:// (plain http is accepted only for this machine).");
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            String mid = null;
            if (path.endsWith("/api/thread.lua") || path.endsWith("/api/thread.json")) {
                mid = queryParam(uri.getRawQuery(), "id");
                path = path.substring(0, path.lastIndexOf("/api/"));
            } else {
                int t = path.indexOf("/thread/");
                if (t >= 0) {
                    mid = path.substring(t + "/thread/".length());
                    path = path.substring(0, t);
                }
            }
            if (mid == null || mid.isBlank() || mid.contains("/")) {
                throw new VoteException("The link does not name a thread: " + Escape.line(url),
                        "Open the VOTE mail on lists.apache.org and copy its link (…/thread/ID).");
            }
            String base = scheme + "://" + uri.getRawAuthority() + path + "/";
            return new ThreadLink(URI.create(base), java.net.URLDecoder.decode(mid, StandardCharsets.UTF_8));
        }

        public URI threadApi() {
            return base.resolve("api/thread.lua?id=" + URLEncoder.encode(mid, StandardCharsets.UTF_8));
        }

        public URI emailApi(String emailMid) {
            return base.resolve("api/email.lua?id=" + URLEncoder.encode(emailMid, StandardCharsets.UTF_8));
        }

        /** The human link to show and record. */
        public String threadPage() {
            return base.resolve("thread/" + URLEncoder.encode(mid, StandardCharsets.UTF_8)).toString();
        }
    }

    private static String queryParam(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String kv : query.split("&")) {
            int eq = kv.indexOf('=');
            if (eq > 0 && kv.substring(0, eq).equals(name)) {
                return kv.substring(eq + 1);
            }
        }
        return null;
    }

    private static boolean isLoopback(String host) {
        try {
            String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            return h.equalsIgnoreCase("localhost") || InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    public ReadResult fetch(ThreadLink link, Progress progress) throws VoteException, CancelledException {
        Instant deadline = Instant.now().plus(TOTAL);
        PonyMailJson pm = new PonyMailJson();
        progress.begin("Fetching the thread from " + link.base().getHost(), -1);
        pm.add(get(link.threadApi(), deadline), link.threadApi().toString());
        if (!pm.hasThread()) {
            throw new VoteException(link.threadApi() + " did not answer with a thread.", "Check the link.");
        }
        List<String> missing = pm.midsWithoutBody();
        progress.begin("Fetching " + missing.size() + " mails", missing.size());
        for (String mid : missing) {
            progress.checkCancelled("Fetching the thread");
            URI u = link.emailApi(mid);
            pm.add(get(u, deadline), u.toString());
            progress.worked(1);
        }
        return pm.messages();
    }

    private com.fasterxml.jackson.databind.JsonNode get(URI uri, Instant deadline) throws VoteException {
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw new VoteException("Fetching the thread took longer than " + TOTAL.toMinutes() + " minutes.",
                    "Try again later, or save thread.json and email.json and use --ponymail.");
        }
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(left.compareTo(REQUEST) < 0 ? left : REQUEST)
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<InputStream> resp = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = resp.body()) {
                if (resp.statusCode() != 200) {
                    throw new VoteException(uri.getHost() + " answered " + resp.statusCode() + " for " + Escape.line(uri.toString()) + ".",
                            resp.statusCode() == 404 ? "Check the link: the thread or mail was not found."
                                    : "Try again later, or save the thread as JSON and use --ponymail.");
                }
                byte[] bytes = in.readNBytes(PonyMailJson.MAX_BYTES + 1);
                if (bytes.length > PonyMailJson.MAX_BYTES) {
                    throw new VoteException(Escape.line(uri.toString()) + " answered more than "
                            + PonyMailJson.MAX_BYTES / (1024 * 1024) + " MB; not a vote thread.", "Check the link.");
                }
                return PonyMailJson.parse(bytes, uri.toString());
            }
        } catch (IOException e) {
            throw new VoteException("Could not fetch " + Escape.line(uri.toString()) + ": " + e.getMessage(),
                    "Check the network and the link.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VoteException("Fetching " + Escape.line(uri.toString()) + " was interrupted.", "Try again.", e);
        }
    }
}
