package io.releasepilot.svn;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A plain HTTP/1.1 connection (kept alive between requests) for the streamed stage commit: the caller's thread
 * writes each request body straight to the socket in large writes, as {@code svn} does, with no hand-off between
 * threads. The server is a stranger: status and header lines, the number of headers and the body are bounded.
 */
final class Http1 implements AutoCloseable {
    private static final int MAX_LINE = 16 * 1024;
    private static final int MAX_HEADERS = 200;

    /** A request body; a length of -1 sends it chunked (its end decided while it is written). */
    interface Body {
        long length();

        void writeTo(OutputStream out) throws IOException;
    }

    /** The answer: status, headers (names in lower case) and the body as text. */
    record Answer(int status, Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null || v.isEmpty() ? null : v.get(0);
        }

        List<String> all(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }
    }

    private final String host;
    private final int port;
    private final boolean tls;
    private final int connectTimeout;
    private final int readTimeout;
    private final int maxBody;
    private volatile Socket socket;
    private InputStream in;
    private OutputStream out;
    /** Asked each second while a request runs: true closes the connection at once (a cancel). */
    private java.util.function.BooleanSupplier cancelled = () -> false;
    /** When the request last moved a byte out; a write stalled for the read timeout closes the connection. */
    private volatile long lastWrite;

    /**
     * A writer blocked by a server that stopped reading is not woken by the read timeout, nor can it look at a
     * cancel: one daemon thread for every connection looks at both each second and closes the socket, which ends
     * the blocked write or read with an error.
     */
    private static final java.util.concurrent.ScheduledExecutorService WATCHDOG =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "http watchdog");
                t.setDaemon(true);
                return t;
            });

    Http1(URI server, DistOptions options, int maxBody) {
        this.host = server.getHost();
        this.tls = "https".equalsIgnoreCase(server.getScheme());
        this.port = server.getPort() > 0 ? server.getPort() : tls ? 443 : 80;
        this.connectTimeout = (int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis());
        this.readTimeout = (int) Math.min(Integer.MAX_VALUE, options.readTimeout().toMillis());
        this.maxBody = maxBody;
    }

    /** {@code cancelled} is asked each second while a request runs; when it says yes the connection is closed. */
    void watch(java.util.function.BooleanSupplier cancelled) {
        this.cancelled = java.util.Objects.requireNonNull(cancelled, "cancelled");
    }

    /** Sends one request ({@code path} raw, as it goes on the request line) and reads the whole answer. */
    Answer send(String method, String path, Map<String, String> headers, Body body) throws IOException {
        // paths partly come from the server's headers: only printable ASCII without spaces goes on the request line
        if (!path.startsWith("/") || path.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
            throw new IOException("the server named a path that is not a URL path: " + DistUrls.escape(path));
        }
        boolean done = false;
        lastWrite = System.nanoTime();
        java.util.concurrent.ScheduledFuture<?> watchdog = WATCHDOG.scheduleWithFixedDelay(this::check, 1, 1,
                java.util.concurrent.TimeUnit.SECONDS);
        try {
            connect();
            StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
            // URI.getHost() already brackets an IPv6 literal
            head.append("Host: ").append(host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host);
            if (port != (tls ? 443 : 80)) {
                head.append(':').append(port);
            }
            head.append("\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            boolean chunked = body != null && body.length() < 0;
            head.append(chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + (body == null ? 0 : body.length()))
                    .append("\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            OutputStream watched = new Watched(out);
            if (chunked) {
                body.writeTo(new Chunks(watched));
                watched.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            } else if (body != null) {
                body.writeTo(watched);
            }
            watched.flush();
            lastWrite = Long.MAX_VALUE; // from here on the read timeout bounds the wait
            Answer a;
            do {
                a = read(method);
            } while (a.status() >= 100 && a.status() < 200);
            String connection = a.header("Connection");
            if (connection != null && connection.toLowerCase(Locale.ROOT).contains("close")) {
                close();
            }
            done = true;
            return a;
        } finally {
            watchdog.cancel(false);
            if (!done) {
                close();
            }
        }
    }

    private void check() {
        long since = lastWrite;
        boolean stalled = since != Long.MAX_VALUE && System.nanoTime() - since > readTimeout * 1_000_000L;
        if (cancelled.getAsBoolean() || stalled) {
            Socket s = socket;
            if (s != null) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing is all that was wanted; the blocked side sees the error
                }
            }
        }
    }

    /** Notes the time of each write (see {@link #check()}). */
    private final class Watched extends OutputStream {
        private final OutputStream target;

        Watched(OutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            target.write(b);
            lastWrite = System.nanoTime();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            target.write(b, off, len);
            lastWrite = System.nanoTime();
        }

        @Override
        public void flush() throws IOException {
            target.flush();
            lastWrite = System.nanoTime();
        }
    }

    /** Writes each write as one chunk of a chunked body (the last, empty chunk is the caller's). */
    private static final class Chunks extends OutputStream {
        private final OutputStream out;

        Chunks(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > 0) {
                out.write((Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(b, off, len);
                out.write('\r');
                out.write('\n');
            }
        }
    }

    private void connect() throws IOException {
        if (socket != null) {
            return;
        }
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(host, port), connectTimeout);
            s.setSoTimeout(readTimeout);
            s.setTcpNoDelay(true);
            if (tls) {
                SSLSocket ssl = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                        .createSocket(s, host, port, true);
                SSLParameters p = ssl.getSSLParameters();
                p.setEndpointIdentificationAlgorithm("HTTPS");
                ssl.setSSLParameters(p);
                ssl.startHandshake();
                s = ssl;
            }
        } catch (IOException e) {
            s.close();
            throw e;
        }
        socket = s;
        in = new BufferedInputStream(s.getInputStream(), 64 * 1024);
        out = new BufferedOutputStream(s.getOutputStream(), 64 * 1024);
    }

    private Answer read(String method) throws IOException {
        String status = line();
        String[] parts = status.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP answer: " + DistUrls.escape(status));
        }
        int code;
        try {
            code = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP status: " + DistUrls.escape(status), e);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        int count = 0;
        for (String h = line(); !h.isEmpty(); h = line()) {
            if (++count > MAX_HEADERS) {
                throw new IOException("more than " + MAX_HEADERS + " header lines");
            }
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(h.substring(colon + 1).strip());
            }
        }
        Answer a = new Answer(code, headers, "");
        if (code < 200 || code == 204 || code == 304 || method.equals("HEAD")) {
            return a;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String te = a.header("Transfer-Encoding");
        String cl = a.header("Content-Length");
        if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
            while (true) {
                String size = line();
                int semi = size.indexOf(';');
                long n;
                try {
                    n = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).strip(), 16);
                } catch (NumberFormatException e) {
                    throw new IOException("bad chunk size: " + DistUrls.escape(size), e);
                }
                if (n == 0) {
                    while (!line().isEmpty()) {
                        // trailers are not used
                    }
                    break;
                }
                copy(n, body);
                line();
            }
        } else if (cl != null) {
            try {
                copy(Long.parseLong(cl.strip()), body);
            } catch (NumberFormatException e) {
                throw new IOException("bad Content-Length: " + DistUrls.escape(cl), e);
            }
        } else {
            byte[] buf = new byte[8192];
            for (int r; (r = in.read(buf)) >= 0; ) {
                if (body.size() + r > maxBody) {
                    throw new IOException("the answer is larger than " + maxBody + " bytes");
                }
                body.write(buf, 0, r);
            }
            close();
        }
        return new Answer(code, headers, body.toString(StandardCharsets.UTF_8));
    }

    private void copy(long n, ByteArrayOutputStream body) throws IOException {
        byte[] buf = new byte[8192];
        while (n > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, n));
            if (r < 0) {
                throw new IOException("the connection closed in the middle of an answer");
            }
            if (body.size() + r > maxBody) {
                throw new IOException("the answer is larger than " + maxBody + " bytes");
            }
            body.write(buf, 0, r);
            n -= r;
        }
    }

    private String line() throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                if (sb.length() == 0) {
                    throw new IOException("the server closed the connection");
                }
                break;
            }
            if (c == '\n') {
                break;
            }
            if (sb.length() >= MAX_LINE) {
                throw new IOException("a line longer than " + MAX_LINE + " characters");
            }
            sb.append((char) c);
        }
        int end = sb.length();
        if (end > 0 && sb.charAt(end - 1) == '\r') {
            sb.setLength(end - 1);
        }
        return sb.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection: nothing left to do
            }
            socket = null;
            in = null;
            out = null;
        }
    }
}
