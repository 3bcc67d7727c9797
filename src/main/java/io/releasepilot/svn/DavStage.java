package io.releasepilot.svn;

import io.releasepilot.core.CancelledException;
import io.releasepilot.core.Progress;
import org.tmatesoft.svn.core.SVNErrorCode;
import org.tmatesoft.svn.core.SVNErrorMessage;
import org.tmatesoft.svn.core.SVNException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stages an RC folder over http(s) the way Subversion 1.10+ itself does it (HTTP protocol v2): one transaction
 * (POST to the "me" resource), one MKCOL, one PUT per file whose svndiff is <em>streamed</em> from the file while
 * it is read, and one MERGE. SVNKit's DAV editor would first spool each file's whole svndiff to a temporary file and
 * only then upload it; that serial copy was most of the gap to {@code svn import}.
 *
 * <p>The server answers each PUT with the MD5 of what it stored ({@code put-result-checksum}); it is compared with
 * the MD5 of what was read before the MERGE, so a mismatch commits nothing. Any failure or a cancel deletes the
 * transaction: nothing is committed. A server without protocol v2 or without {@code put-result-checksum} is left
 * to SVNKit ({@link #commit} returns empty).
 */
final class DavStage {
    private static final String SVN_DAV = "http://subversion.tigris.org/xmlns/dav/svn/";
    private static final Pattern VERSION_NAME = Pattern.compile("<D:version-name>\\s*(\\d+)\\s*</D:version-name>");
    private static final Pattern ERRCODE = Pattern.compile("errcode=\"(\\d+)\"");
    private static final Pattern HUMAN = Pattern.compile("<m:human-readable[^>]*>\\s*(.*?)\\s*</m:human-readable>",
            Pattern.DOTALL);

    /** The largest answer read (a folder listing of dist/dev holds a few hundred entries at most). */
    private static final int MAX_ANSWER = 16 * 1024 * 1024;

    private final HttpClient client;
    private final DistOptions options;
    private final String sessionUrl;
    private final String user;
    private final String authorization;
    private final Progress progress;
    private String what;

    private DavStage(String sessionUrl, SvnCredentials credentials, DistOptions options, Progress progress,
                     String what) {
        this.sessionUrl = sessionUrl;
        this.options = options;
        this.user = credentials == null ? null : credentials.username();
        this.authorization = credentials == null ? null : basic(credentials);
        this.progress = progress;
        this.what = what;
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER);
        if (sessionUrl.regionMatches(true, 0, "http:", 0, 5)) {
            // Plain http never uses TLS: skip loading the default trust store (a third of a second at start-up).
            b.sslContext(NoTls.CONTEXT);
        }
        this.client = b.build();
    }

    /** A TLS context that trusts no one, for clients that only ever speak plain http. */
    private static final class NoTls implements javax.net.ssl.X509TrustManager {
        static final javax.net.ssl.SSLContext CONTEXT = context();

        private static javax.net.ssl.SSLContext context() {
            try {
                javax.net.ssl.SSLContext c = javax.net.ssl.SSLContext.getInstance("TLS");
                c.init(new javax.net.ssl.KeyManager[0], new javax.net.ssl.TrustManager[] {new NoTls()}, null);
                return c;
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException("TLS is part of every Java runtime", e);
            }
        }

        @Override
        public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType)
                throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("plain http only");
        }

        @Override
        public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType)
                throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("plain http only");
        }

        @Override
        public java.security.cert.X509Certificate[] getAcceptedIssuers() {
            return new java.security.cert.X509Certificate[0];
        }
    }

    /** What the server said about itself in OPTIONS; {@code v2} when it takes the streamed commit. */
    record Server(String me, String txnRootStub, String txnStub, String revRootStub, String root, boolean v2) {
    }

    /** One entry of a folder as the server lists it; {@code md5} is null for folders (or when not asked). */
    record Entry(String name, boolean folder, long bytes, String md5) {
    }

    /** A client for {@code sessionUrl} (http or https); {@code credentials} may be null to read anonymously. */
    static DavStage open(String sessionUrl, SvnCredentials credentials, DistOptions options, Progress progress,
                         String what) {
        return new DavStage(sessionUrl, credentials, options, progress, what);
    }

    static boolean handles(String url) {
        return url.regionMatches(true, 0, "http:", 0, 5) || url.regionMatches(true, 0, "https:", 0, 6);
    }

    /** Names the work in error messages from now on ("staging URL"). */
    void doing(String what) {
        this.what = what;
    }

    /** OPTIONS: the protocol v2 resources, and whether the server returns each PUT's MD5. */
    Server server() throws SvnException, CancelledException {
        Answer r = send(request(URI.create(sessionUrl), "OPTIONS", body("<?xml version=\"1.0\""
                + " encoding=\"utf-8\"?><D:options xmlns:D=\"DAV:\"><D:activity-collection-set/></D:options>"),
                "text/xml"), 200);
        String me = r.headers().firstValue("SVN-Me-Resource").orElse(null);
        String txnRootStub = r.headers().firstValue("SVN-Txn-Root-Stub").orElse(null);
        String txnStub = r.headers().firstValue("SVN-Txn-Stub").orElse(null);
        String revRootStub = r.headers().firstValue("SVN-Rev-Root-Stub").orElse(null);
        String root = r.headers().firstValue("SVN-Repository-Root").map(x -> x.replaceAll("/+$", "")).orElse(null);
        boolean resultChecksum = r.headers().allValues("DAV").stream()
                .anyMatch(v -> v.contains(SVN_DAV + "put-result-checksum"));
        boolean v2 = me != null && txnRootStub != null && txnStub != null && revRootStub != null && root != null
                && resultChecksum && URI.create(sessionUrl).getRawPath().startsWith(root);
        return new Server(me, txnRootStub, txnStub, revRootStub, root, v2);
    }

    /** The session folder's entries at HEAD, or null when nothing is there; throws when it is a file. */
    List<Entry> list() throws SvnException, CancelledException {
        return list(URI.create(sessionUrl.replaceAll("/+$", "") + "/"), false);
    }

    /** The entries of {@code folder} in revision {@code revision}, with each file's size and MD5. */
    List<Entry> list(Server server, String folder, long revision) throws SvnException, CancelledException {
        return list(URI.create(sessionUrl).resolve(server.revRootStub() + "/" + revision + "/" + rel(server)
                + encode(folder) + "/"), true);
    }

    private String rel(Server server) {
        String rel = URI.create(sessionUrl).getRawPath().replaceAll("/+$", "").substring(server.root().length())
                .replaceAll("^/+", "");
        return rel.isEmpty() ? "" : rel + "/";
    }

    private List<Entry> list(URI folder, boolean md5) throws SvnException, CancelledException {
        String props = "<D:resourcetype/><D:getcontentlength/>" + (md5 ? "<S:md5-checksum/>" : "");
        HttpRequest.Builder r = request(folder, "PROPFIND", body("<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<D:propfind xmlns:D=\"DAV:\" xmlns:S=\"http://subversion.tigris.org/xmlns/dav/\"><D:prop>"
                + props + "</D:prop></D:propfind>"), "text/xml");
        r.header("Depth", "1");
        Answer res = send(r, 207, 404);
        if (res.status() == 404) {
            return null;
        }
        return Multistatus.entries(res.body(), folder.getRawPath());
    }

    /**
     * Commits {@code folder} with {@code files} below the session URL in one commit (the server must be
     * {@link Server#v2}) and records what was sent in {@code sent}; returns the new revision.
     */
    long commit(Server server, String message, String folder, List<Path> files, Map<String, FullText.Sent> sent)
            throws SvnException, CancelledException {
        URI session = URI.create(sessionUrl);
        byte[] log = message.getBytes(StandardCharsets.UTF_8);
        byte[] skel = concat(("(create-txn-with-props (svn:log " + log.length + " ").getBytes(StandardCharsets.UTF_8),
                log, "))".getBytes(StandardCharsets.UTF_8));
        Answer created = send(request(session.resolve(server.me()), "POST",
                HttpRequest.BodyPublishers.ofByteArray(skel), "application/vnd.svn-skel"), 201);
        String txn = created.headers().firstValue("SVN-Txn-Name").orElseThrow(() ->
                fail(SVNErrorCode.RA_DAV_REQUEST_FAILED, "the server made no transaction"));
        String txnRoot = server.txnRootStub() + "/" + encode(txn) + "/" + rel(server) + encode(folder);
        boolean merged = false;
        try {
            send(request(session.resolve(txnRoot), "MKCOL", HttpRequest.BodyPublishers.noBody(), null), 201);
            for (Path f : files) {
                String name = f.getFileName().toString();
                sent.put(name, put(session.resolve(txnRoot + "/" + encode(name)), f));
            }
            String merge = "<?xml version=\"1.0\" encoding=\"utf-8\"?><D:merge xmlns:D=\"DAV:\"><D:source><D:href>"
                    + xml(server.txnStub() + "/" + encode(txn)) + "</D:href></D:source><D:no-auto-merge/>"
                    + "<D:no-checkout/><D:prop><D:checked-in/><D:version-name/><D:resourcetype/><D:creationdate/>"
                    + "<D:creator-displayname/></D:prop></D:merge>";
            HttpRequest.Builder m = request(session, "MERGE", body(merge), "text/xml");
            m.header("X-SVN-Options", "no-merge-response");
            Answer done = send(m, 200);
            merged = true;
            Matcher v = VERSION_NAME.matcher(done.body());
            if (!v.find()) {
                throw new SvnException(SvnException.Reason.OTHER, "The server accepted " + what + " but did not say"
                        + " which revision it made.", "Look at " + sessionUrl + " in a browser.");
            }
            return Long.parseLong(v.group(1));
        } finally {
            if (!merged) {
                abort(session.resolve(server.txnStub() + "/" + encode(txn)));
            }
        }
    }

    /** Uploads one file as a streamed svndiff; checks the MD5 the server stored against the MD5 read. */
    private FullText.Sent put(URI target, Path file) throws SvnException, CancelledException {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new SvnException(SvnException.Reason.OTHER, "Could not read a file to send while " + what + ": "
                    + e.getMessage(), "Check the file; nothing was committed.", e);
        }
        try (Digests digests = new Digests(file.getFileName().toString())) {
            HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(
                    HttpRequest.BodyPublishers.ofInputStream(() -> {
                        try {
                            return new Svndiff(file, size, digests, progress);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }), Svndiff.length(size));
            HttpRequest.Builder r = request(target, "PUT", body, "application/vnd.svn-svndiff");
            r.timeout(options.readTimeout().plus(Duration.ofSeconds(size / (256 * 1024))));
            Answer put = send(r, 201, 204);
            FullText.Sent s;
            try {
                s = digests.finish();
            } catch (IOException e) {
                throw new SvnException(SvnException.Reason.OTHER, "Could not hash " + file + ": " + e.getMessage(),
                        "Try again; nothing was committed.", e);
            }
            String stored = put.headers().firstValue("X-SVN-Result-Fulltext-MD5").orElse("");
            if (s.bytes() != size || !stored.equalsIgnoreCase(s.md5())) {
                throw new SvnException(SvnException.Reason.MISMATCH, "The server stored " + file.getFileName()
                        + " with MD5 " + DistUrls.escape(stored) + ", but " + s.bytes() + " bytes with MD5 " + s.md5()
                        + " were sent; nothing was committed.", "Stage it again.");
            }
            return s;
        }
    }

    private HttpRequest.Builder request(URI uri, String method, HttpRequest.BodyPublisher body, String type) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).method(method, body).timeout(options.readTimeout())
                .header("User-Agent", "Release Pilot (SVN/1.14 compatible)");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (type != null) {
            b.header("Content-Type", type);
        }
        return b;
    }

    /** A server's answer: its status, headers and (bounded) body. */
    private record Answer(int status, java.net.http.HttpHeaders headers, String body) {
    }

    private Answer send(HttpRequest.Builder request, int... ok) throws SvnException, CancelledException {
        Answer r;
        try {
            progress.checkCancelled(what);
            HttpResponse<java.io.InputStream> res = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (java.io.InputStream in = res.body()) {
                body = in.readNBytes(MAX_ANSWER + 1);
            }
            if (body.length > MAX_ANSWER) {
                throw fail(SVNErrorCode.RA_DAV_MALFORMED_DATA, "the answer is larger than " + MAX_ANSWER + " bytes");
            }
            r = new Answer(res.statusCode(), res.headers(), new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            if (progress.isCancelled()) {
                throw new CancelledException(what);
            }
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw fail(SVNErrorCode.RA_DAV_REQUEST_FAILED, "connection failed: " + m);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException(what);
        }
        for (int code : ok) {
            if (r.status() == code) {
                return r;
            }
        }
        throw failure(r);
    }

    /** A refusal in the same words as SVNKit's errors get (see {@link SvnErrors}). */
    private SvnException failure(Answer r) {
        String body = r.body() == null ? "" : r.body();
        Matcher code = ERRCODE.matcher(body);
        Matcher human = HUMAN.matcher(body);
        String text = human.find() ? human.group(1).strip() : "HTTP " + r.status();
        SVNErrorCode error = switch (r.status()) {
            case 401 -> SVNErrorCode.RA_NOT_AUTHORIZED;
            case 403 -> SVNErrorCode.RA_DAV_FORBIDDEN;
            case 404 -> SVNErrorCode.FS_NOT_FOUND;
            case 405 -> SVNErrorCode.FS_ALREADY_EXISTS;
            default -> code.find() ? SVNErrorCode.getErrorCode(Integer.parseInt(code.group(1)))
                    : SVNErrorCode.RA_DAV_REQUEST_FAILED;
        };
        return fail(error, text + " (HTTP " + r.status() + ")");
    }

    private SvnException fail(SVNErrorCode code, String text) {
        return SvnErrors.wrap(new SVNException(SVNErrorMessage.create(code, "{0}", text)), what, sessionUrl, user);
    }

    /** Deletes the transaction; when that fails too, the server removes it in its own time. */
    private void abort(URI txn) {
        try {
            client.send(request(txn, "DELETE", HttpRequest.BodyPublishers.noBody(), null)
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // the server is gone: the transaction was never merged, so nothing was committed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code Basic base64(user:password)}, built without the password ever being a String of its own. */
    private static String basic(SvnCredentials c) {
        char[] password = c.password();
        CharBuffer chars = CharBuffer.allocate(c.username().length() + 1 + password.length);
        chars.put(c.username()).put(':').put(password).flip();
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(chars);
        byte[] raw = new byte[bytes.remaining()];
        bytes.get(raw);
        try {
            return "Basic " + Base64.getEncoder().encodeToString(raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
            Arrays.fill(chars.array(), '\0');
            if (bytes.hasArray()) {
                Arrays.fill(bytes.array(), (byte) 0);
            }
        }
    }

    private static HttpRequest.BodyPublisher body(String s) {
        return HttpRequest.BodyPublishers.ofString(s, StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** Percent-encodes one path segment (every byte but RFC 3986's unreserved characters). */
    static String encode(String segment) {
        StringBuilder sb = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
