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

/**
 * Sends a file's content as full-text delta windows: one "new data" instruction per window, no delta search. New
 * files have no base to diff against, so searching is wasted work; windows stay at most 100 KiB (the server's
 * limit for one svndiff window).
 */
final class FullText {
    static final int WINDOW = 100 * 1024;

    /** What was sent: the byte count and its MD5 and SHA-512 in hex. */
    record Sent(long bytes, String md5, String sha512) {
    }

    private FullText() {
    }

    static Sent send(ISVNEditor editor, String path, String baseChecksum, InputStream in, Progress progress,
                     String what) throws SVNException, IOException, CancelledException {
        editor.applyTextDelta(path, baseChecksum);
        byte[] data = new byte[WINDOW];
        ByteBuffer buffer = ByteBuffer.allocate(WINDOW + 16);
        long total = 0;
        try (Digests digests = new Digests(path)) {
            while (true) {
                progress.checkCancelled(what);
                int n = in.readNBytes(data, 0, WINDOW);
                if (n <= 0) {
                    break;
                }
                digests.add(data, 0, n);
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
            return digests.finish();
        }
    }

    static MessageDigest digest(String name) {
        return Digests.digest(name);
    }
}
