package io.releasepilot.svn;

import io.releasepilot.core.CancelledException;
import io.releasepilot.core.Progress;
import org.tmatesoft.svn.core.SVNException;
import org.tmatesoft.svn.core.io.ISVNEditor;
import org.tmatesoft.svn.core.io.diff.SVNDiffInstruction;
import org.tmatesoft.svn.core.io.diff.SVNDiffWindow;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
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
 * Sends a file's content as full-text delta windows: one "new data" instruction per window, no delta search. New
 * files have no base to diff against, so searching is wasted work; windows stay at most 100 KiB (the server's
 * limit for one svndiff window).
 */
final class FullText {
    static final int WINDOW = 100 * 1024;
    /** At most this many windows wait for the digest thread (3.2 MB), so memory stays bounded. */
    private static final int MAX_IN_FLIGHT = 32;

    /** What was sent: the byte count and its MD5 and SHA-512 in hex. */
    record Sent(long bytes, String md5, String sha512) {
    }

    private FullText() {
    }

    static Sent send(ISVNEditor editor, String path, String baseChecksum, InputStream in, Progress progress,
                     String what) throws SVNException, IOException, CancelledException {
        MessageDigest md5 = digest("MD5");
        MessageDigest sha512 = digest("SHA-512");
        editor.applyTextDelta(path, baseChecksum);
        byte[] data = new byte[WINDOW];
        ByteBuffer buffer = ByteBuffer.allocate(WINDOW + 16);
        long total = 0;
        // The digests run on a second thread, in order, while this one sends: hashing is off the network's path.
        ExecutorService hasher = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "digest " + path);
            t.setDaemon(true);
            return t;
        });
        Future<?> last = null;
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        try {
            while (true) {
                progress.checkCancelled(what);
                int n = in.readNBytes(data, 0, WINDOW);
                if (n <= 0) {
                    break;
                }
                byte[] copy = Arrays.copyOf(data, n);
                acquire(inFlight);
                last = hasher.submit(() -> {
                    md5.update(copy);
                    sha512.update(copy);
                    inFlight.release();
                });
                buffer.clear();
                new SVNDiffInstruction(SVNDiffInstruction.COPY_FROM_NEW_DATA, n, 0).writeTo(buffer);
                int instructions = buffer.position();
                buffer.put(data, 0, n);
                buffer.flip();
                SVNDiffWindow window = new SVNDiffWindow(0, 0, n, instructions, n);
                window.setData(buffer);
                OutputStream os = editor.textDeltaChunk(path, window);
                if (os != null) {
                    os.close();
                }
                total += n;
                progress.worked(n);
            }
            if (total == 0) {
                editor.textDeltaChunk(path, SVNDiffWindow.EMPTY);
            }
            editor.textDeltaEnd(path);
            if (last != null) {
                await(last);
            }
        } finally {
            hasher.shutdownNow();
        }
        return new Sent(total, HexFormat.of().formatHex(md5.digest()), HexFormat.of().formatHex(sha512.digest()));
    }

    private static void acquire(Semaphore s) throws IOException {
        try {
            s.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while hashing", e);
        }
    }

    private static void await(Future<?> f) throws IOException {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while hashing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("hashing failed", e.getCause());
        }
    }

    static MessageDigest digest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(name + " is part of every Java runtime", e);
        }
    }
}
