package io.releasepilot.mail;

import io.releasepilot.testing.Tools;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;

/**
 * SMTPS in front of GreenMail for tests: a TLS listener on 127.0.0.1 with a certificate made by the JDK's
 * keytool for this test (subject alternative names 127.0.0.1 and localhost), passing the bytes to GreenMail's
 * plain SMTP port. GreenMail's own SMTPS certificate names no host, so a client that checks the server's
 * identity (as Release Pilot always does) cannot use it; its key store is also one per JVM.
 * {@link #clientFactory()} trusts this one certificate only, for the test.
 */
final class TlsFront implements AutoCloseable {
    private static final char[] STORE_PASSWORD = "test-store".toCharArray();
    private final SSLServerSocket server;
    private final SSLContext serverContext;
    private final SSLSocketFactory clientFactory;
    private final Thread acceptor;

    TlsFront(Path dir, int backendPort) throws Exception {
        Path store = dir.resolve("smtps-test.p12");
        Tools.Result r = Tools.run(dir, List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "smtps", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", new String(STORE_PASSWORD)));
        if (r.exitCode() != 0) {
            throw new IllegalStateException("keytool failed: " + r.err());
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, STORE_PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, STORE_PASSWORD);
        serverContext = SSLContext.getInstance("TLS");
        serverContext.init(kmf.getKeyManagers(), null, null);

        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("smtps", ks.getCertificate("smtps"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, tmf.getTrustManagers(), null);
        clientFactory = client.getSocketFactory();

        server = (SSLServerSocket) serverContext.getServerSocketFactory().createServerSocket(0, 5,
                InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> accept(backendPort), "tls-front");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Trusts only this front's certificate. */
    SSLSocketFactory clientFactory() {
        return clientFactory;
    }

    private void accept(int backendPort) {
        while (!server.isClosed()) {
            try {
                Socket front = server.accept();
                Socket back = new Socket(InetAddress.getLoopbackAddress(), backendPort);
                pump(front, back);
                pump(back, front);
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // the other side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tls-front-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /** A port nothing listens on (bound, then closed). */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
