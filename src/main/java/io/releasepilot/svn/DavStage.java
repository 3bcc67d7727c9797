package io.releasepilot.svn;

import io.releasepilot.core.CancelledException;
import io.releasepilot.core.Progress;
import org.tmatesoft.svn.core.SVNErrorCode;
import org.tmatesoft.svn.core.SVNErrorMessage;
import org.tmatesoft.svn.core.SVNException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stages an RC folder over http(s) the way Subversion 1.10+ itself does it (HTTP protocol v2): one transaction
 * (POST to the "me" resource), one MKCOL, one PUT per file whose svndiff is <em>streamed</em> from the file while
 * it is read, and one MERGE. SVNKit's DAV editor would first spool each file's whole svndiff to a temporary file and
 * only then upload it; that serial copy was most of the gap to {@code svn import}. The requests go over one
 * kept-alive {@link Http1} connection, the body written by the reading thread in 100 KiB writes.
 *
 * <p>The server answers each PUT with the MD5 of what it stored ({@code put-result-checksum}); it is compared with
 * the MD5 of what was read before the MERGE, so a mismatch commits nothing. Any failure or a cancel deletes the
 * transaction: nothing is committed. A server without protocol v2 or without {@code put-result-checksum} is left
 * to SVNKit (see {@link Server#v2}).
 */
final class DavStage implements AutoCloseable {
    private static final String SVN_DAV = "http://subversion.tigris.org/xmlns/dav/svn/";
    private static final Pattern VERSION_NAME = Pattern.compile("<D:version-name>\\s*(\\d+)\\s*</D:version-name>");
    private static final Pattern ERRCODE = Pattern.compile("errcode=\"(\\d+)\"");
    private static final Pattern HUMAN = Pattern.compile("<m:human-readable[^>]*>\\s*(.*?)\\s*</m:human-readable>",
            Pattern.DOTALL);
    /** The largest answer read (a folder listing of dist/dev holds a few hundred entries at most). */
    private static final int MAX_ANSWER = 16 * 1024 * 1024;

    /** What the server said about itself in OPTIONS; {@code v2} when it takes the streamed commit. */
    record Server(String me, String txnRootStub, String txnStub, String revRootStub, String root, boolean v2) {
    }

    /** One entry of a folder as the server lists it; {@code md5} is null for folders (or when not asked). */
    record Entry(String name, boolean folder, long bytes, String md5) {
    }

    private final Http1 http;
    private final URI session;
    private final String sessionUrl;
    private final String user;
    private final String authorization;
    private final Progress progress;
    private String what;

    private DavStage(String sessionUrl, SvnCredentials credentials, DistOptions options, Progress progress,
                     String what) {
        this.sessionUrl = sessionUrl;
        this.session = URI.create(sessionUrl);
        this.http = new Http1(session, options, MAX_ANSWER);
        this.http.watch(progress::isCancelled); // a cancel ends even a write the server stopped reading
        this.user = credentials == null ? null : credentials.username();
        this.authorization = credentials == null ? null : basic(credentials);
        this.progress = progress;
        this.what = what;
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
        Http1.Answer r = send("OPTIONS", session.getRawPath(), "text/xml", text("<?xml version=\"1.0\""
                + " encoding=\"utf-8\"?><D:options xmlns:D=\"DAV:\"><D:activity-collection-set/></D:options>"),
                Map.of(), 200);
        String me = r.header("SVN-Me-Resource");
        String txnRootStub = r.header("SVN-Txn-Root-Stub");
        String txnStub = r.header("SVN-Txn-Stub");
        String revRootStub = r.header("SVN-Rev-Root-Stub");
        String root = r.header("SVN-Repository-Root");
        root = root == null ? null : root.replaceAll("/+$", "");
        boolean resultChecksum = r.all("DAV").stream().anyMatch(v -> v.contains(SVN_DAV + "put-result-checksum"));
        boolean v2 = me != null && txnRootStub != null && txnStub != null && revRootStub != null && root != null
                && resultChecksum && session.getRawPath().startsWith(root);
        return new Server(me, txnRootStub, txnStub, revRootStub, root, v2);
    }

    /** The session folder's entries at HEAD, or null when nothing is there; throws when it is a file. */
    List<Entry> list() throws SvnException, CancelledException {
        return list(session.getRawPath().replaceAll("/+$", "") + "/", false);
    }

    /** The entries of {@code folder} in revision {@code revision}, with each file's size and MD5. */
    List<Entry> list(Server server, String folder, long revision) throws SvnException, CancelledException {
        return list(server.revRootStub() + "/" + revision + "/" + rel(server) + encode(folder) + "/", true);
    }

    private String rel(Server server) {
        String rel = session.getRawPath().replaceAll("/+$", "").substring(server.root().length())
                .replaceAll("^/+", "");
        return rel.isEmpty() ? "" : rel + "/";
    }

    private List<Entry> list(String folderPath, boolean md5) throws SvnException, CancelledException {
        String props = "<D:resourcetype/><D:getcontentlength/>" + (md5 ? "<S:md5-checksum/>" : "");
        Http1.Answer res = send("PROPFIND", folderPath, "text/xml", text("<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<D:propfind xmlns:D=\"DAV:\" xmlns:S=\"http://subversion.tigris.org/xmlns/dav/\"><D:prop>"
                + props + "</D:prop></D:propfind>"), Map.of("Depth", "1"), 207, 404);
        if (res.status() == 404) {
            return null;
        }
        return Multistatus.entries(res.body(), folderPath);
    }

    /**
     * Commits {@code folder} with {@code files} below the session URL in one commit (the server must be
     * {@link Server#v2}) and records what was sent in {@code sent}; returns the new revision.
     */
    long commit(Server server, String message, String folder, List<Path> files, Map<String, FullText.Sent> sent)
            throws SvnException, CancelledException {
        byte[] log = message.getBytes(StandardCharsets.UTF_8);
        byte[] skel = concat(("(create-txn-with-props (svn:log " + log.length + " ").getBytes(StandardCharsets.UTF_8),
                log, "))".getBytes(StandardCharsets.UTF_8));
        Http1.Answer created = send("POST", server.me(), "application/vnd.svn-skel", bytes(skel), Map.of(), 201);
        String txn = created.header("SVN-Txn-Name");
        if (txn == null) {
            throw fail(SVNErrorCode.RA_DAV_REQUEST_FAILED, "the server made no transaction");
        }
        String txnRoot = server.txnRootStub() + "/" + encode(txn) + "/" + rel(server) + encode(folder);
        boolean merged = false;
        try {
            send("MKCOL", txnRoot, null, null, Map.of(), 201);
            for (Path f : files) {
                String name = f.getFileName().toString();
                sent.put(name, put(txnRoot + "/" + encode(name), f));
            }
            String merge = "<?xml version=\"1.0\" encoding=\"utf-8\"?><D:merge xmlns:D=\"DAV:\"><D:source><D:href>"
                    + xml(server.txnStub() + "/" + encode(txn)) + "</D:href></D:source><D:no-auto-merge/>"
                    + "<D:no-checkout/><D:prop><D:checked-in/><D:version-name/><D:resourcetype/><D:creationdate/>"
                    + "<D:creator-displayname/></D:prop></D:merge>";
            progress.checkCancelled(what);
            http.watch(() -> false); // once the commit is sent, a cancel would only leave its outcome unknown
            Http1.Answer done;
            try {
                done = send("MERGE", session.getRawPath(), "text/xml", text(merge),
                        Map.of("X-SVN-Options", "no-merge-response"), 200);
            } catch (SvnException e) {
                if (e.reason() != SvnException.Reason.NETWORK) {
                    throw e; // the server answered no: nothing was committed
                }
                // the commit was sent, its answer did not come: the server may have committed it
                merged = true;
                throw new SvnException(SvnException.Reason.NETWORK, "The connection ended while the server"
                        + " committed " + what + ", so it is not known whether the commit was made.", "Look at "
                        + sessionUrl + " before trying again: if the folder is there with every file, the stage is"
                        + " done (its read-back is what was not done); if it is not, stage again.", e);
            }
            merged = true;
            Matcher v = VERSION_NAME.matcher(done.body());
            if (!v.find() || v.group(1).length() > 18) {
                throw new SvnException(SvnException.Reason.OTHER, "The server accepted " + what + " but did not say"
                        + " which revision it made.", "Look at " + sessionUrl + " in a browser.");
            }
            return Long.parseLong(v.group(1));
        } finally {
            if (!merged) {
                abort(server.txnStub() + "/" + encode(txn));
            }
        }
    }

    /** Uploads one file as a streamed svndiff; checks the MD5 the server stored against the MD5 read. */
    private FullText.Sent put(String target, Path file) throws SvnException, CancelledException {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new SvnException(SvnException.Reason.OTHER, "Could not read a file to send while " + what + ": "
                    + e.getMessage(), "Check the file; nothing was committed.", e);
        }
        try (Digests digests = new Digests(file.getFileName().toString())) {
            Http1.Body body = new Http1.Body() {
                @Override
                public long length() {
                    return -1;
                }

                @Override
                public void writeTo(OutputStream out) throws IOException {
                    byte[] buf = new byte[FullText.WINDOW + 64];
                    try (InputStream in = new Svndiff(file, size, digests, progress)) {
                        for (int n; (n = in.read(buf)) >= 0; ) {
                            out.write(buf, 0, n);
                        }
                    }
                }
            };
            Http1.Answer put = send("PUT", target, "application/vnd.svn-svndiff", body, Map.of(), 201, 204);
            progress.checkCancelled(what);
            FullText.Sent s;
            try {
                s = digests.finish();
            } catch (IOException e) {
                throw new SvnException(SvnException.Reason.OTHER, "Could not hash " + file + ": " + e.getMessage(),
                        "Try again; nothing was committed.", e);
            }
            String stored = put.header("X-SVN-Result-Fulltext-MD5");
            if (s.bytes() != size || stored == null || !stored.equalsIgnoreCase(s.md5())) {
                throw new SvnException(SvnException.Reason.MISMATCH, "The server stored " + file.getFileName()
                        + " with MD5 " + DistUrls.escape(String.valueOf(stored)) + ", but " + s.bytes()
                        + " bytes with MD5 " + s.md5() + " were sent; nothing was committed.", "Stage it again.");
            }
            return s;
        }
    }

    private Http1.Answer send(String method, String path, String type, Http1.Body body, Map<String, String> extra,
                              int... ok) throws SvnException, CancelledException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", "Release Pilot (SVN/1.14 compatible)");
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        if (type != null) {
            headers.put("Content-Type", type);
        }
        headers.putAll(extra);
        Http1.Answer r;
        try {
            progress.checkCancelled(what);
            r = http.send(method, path, headers, body);
        } catch (IOException e) {
            if (progress.isCancelled()) {
                throw new CancelledException(what);
            }
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw fail(SVNErrorCode.RA_DAV_REQUEST_FAILED, "connection failed: " + DistUrls.escape(m));
        }
        for (int code : ok) {
            if (r.status() == code) {
                return r;
            }
        }
        throw failure(r);
    }

    /** A refusal in the same words as SVNKit's errors get (see {@link SvnErrors}). */
    private SvnException failure(Http1.Answer r) {
        String body = r.body() == null ? "" : r.body();
        Matcher code = ERRCODE.matcher(body);
        Matcher human = HUMAN.matcher(body);
        String text = human.find() ? DistUrls.escape(human.group(1).strip()) : "HTTP " + r.status();
        SVNErrorCode error = switch (r.status()) {
            case 401 -> SVNErrorCode.RA_NOT_AUTHORIZED;
            case 403 -> SVNErrorCode.RA_DAV_FORBIDDEN;
            case 404 -> SVNErrorCode.FS_NOT_FOUND;
            case 405 -> SVNErrorCode.FS_ALREADY_EXISTS;
            default -> code.find() && code.group(1).length() <= 9
                    ? SVNErrorCode.getErrorCode(Integer.parseInt(code.group(1))) : SVNErrorCode.RA_DAV_REQUEST_FAILED;
        };
        return fail(error, text + " (HTTP " + r.status() + ")");
    }

    private SvnException fail(SVNErrorCode code, String text) {
        return SvnErrors.wrap(new SVNException(SVNErrorMessage.create(code, "{0}", text)), what, sessionUrl, user);
    }

    /**
     * Deletes the transaction. Right after a broken upload the server may still be writing into it and refuses
     * (HTTP 500), so this tries again for up to two seconds; a transaction left behind is never merged, so nothing
     * is committed either way.
     */
    private void abort(String txn) {
        Map<String, String> headers = authorization == null ? Map.of() : Map.of("Authorization", authorization);
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                int status = http.send("DELETE", txn, headers, null).status();
                if (status < 300 || status == 404) {
                    return;
                }
            } catch (IOException e) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        http.close();
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

    private static Http1.Body text(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    private static Http1.Body bytes(byte[] b) {
        return new Http1.Body() {
            @Override
            public long length() {
                return b.length;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                out.write(b);
            }
        };
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
