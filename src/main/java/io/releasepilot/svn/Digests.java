package io.releasepilot.svn;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * The MD5 and SHA-512 of the bytes being sent, computed in order on a second thread while the first one sends:
 * hashing stays off the network's path. At most {@link #MAX_IN_FLIGHT} chunks wait, so memory stays bounded.
 */
final class Digests implements AutoCloseable {
    private static final int MAX_IN_FLIGHT = 32;

    private final MessageDigest md5 = digest("MD5");
    private final MessageDigest sha512 = digest("SHA-512");
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final ExecutorService hasher;
    private Future<?> last;
    private long bytes;

    Digests(String name) {
        hasher = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "digest " + name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Hashes a copy of {@code data[off, off + n)} on the second thread. */
    void add(byte[] data, int off, int n) throws IOException {
        byte[] copy = Arrays.copyOfRange(data, off, off + n);
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while hashing", e);
        }
        bytes += n;
        last = hasher.submit(() -> {
            md5.update(copy);
            sha512.update(copy);
            inFlight.release();
        });
    }

    /** Waits for the chunks given so far; the byte count and both digests in hex. */
    FullText.Sent finish() throws IOException {
        if (last != null) {
            try {
                last.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while hashing", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("hashing failed", e.getCause());
            }
        }
        return new FullText.Sent(bytes, HexFormat.of().formatHex(md5.digest()),
                HexFormat.of().formatHex(sha512.digest()));
    }

    @Override
    public void close() {
        hasher.shutdownNow();
    }

    static MessageDigest digest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(name + " is part of every Java runtime", e);
        }
    }
}
