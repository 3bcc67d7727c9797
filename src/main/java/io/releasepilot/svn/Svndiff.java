package io.releasepilot.svn;

import io.releasepilot.core.Progress;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file as svndiff version 0 made of full-text windows (one "new data" instruction each, at most
 * {@link FullText#WINDOW} bytes), produced while the file is read: nothing is spooled. Each window is hashed and
 * counted as it is read. A cancel ends the svndiff early at a window boundary (the caller sees the cancel and
 * discards the transaction); a file that changes size while it is read breaks the stream.
 */
final class Svndiff extends InputStream {
    private static final byte[] MAGIC = {'S', 'V', 'N', 0};

    private final InputStream file;
    private final long size;
    private final Digests digests;
    private final Progress progress;
    private final byte[] data = new byte[FullText.WINDOW];
    private final byte[] header = new byte[32];
    private int headerLength;
    private int headerPos;
    private int dataLength;
    private int dataPos;
    private long read;
    private boolean magicSent;

    Svndiff(Path file, long size, Digests digests, Progress progress) throws IOException {
        this.file = Files.newInputStream(file);
        this.size = size;
        this.digests = digests;
        this.progress = progress;
    }

    private static int varLength(long v) {
        int n = 1;
        while ((v >>>= 7) != 0) {
            n++;
        }
        return n;
    }

    private int putVar(byte[] b, int at, long v) {
        int n = varLength(v);
        for (int i = n - 1; i >= 0; i--) {
            b[at + i] = (byte) ((v & 0x7f) | (i == n - 1 ? 0 : 0x80));
            v >>>= 7;
        }
        return at + n;
    }

    /** Reads the next window of the file and lays out its header; false at the end (or once cancelled). */
    private boolean nextWindow() throws IOException {
        if (progress.isCancelled()) {
            // end the svndiff at a window boundary: the server finishes the request, and the caller then deletes
            // the transaction on the same connection (breaking the connection would race the server's cleanup)
            return false;
        }
        int n = file.readNBytes(data, 0, data.length);
        if (n <= 0) {
            if (read != size) {
                throw new IOException("the file shrank while it was sent");
            }
            return false;
        }
        read += n;
        if (read > size) {
            throw new IOException("the file grew while it was sent");
        }
        digests.add(data, 0, n);
        int at = 0;
        at = putVar(header, at, 0);
        at = putVar(header, at, 0);
        at = putVar(header, at, n);
        int instructions = n < 64 ? 1 : 1 + varLength(n);
        at = putVar(header, at, instructions);
        at = putVar(header, at, n);
        // instruction: "copy from new data" (binary 10), length in the low six bits or, if it does not fit, after
        header[at++] = (byte) (0x80 | (n < 64 ? n : 0));
        if (n >= 64) {
            at = putVar(header, at, n);
        }
        headerLength = at;
        headerPos = 0;
        dataLength = n;
        dataPos = 0;
        progress.worked(n);
        return true;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!magicSent) {
            magicSent = true;
            System.arraycopy(MAGIC, 0, header, 0, MAGIC.length);
            headerLength = MAGIC.length;
            headerPos = 0;
        }
        if (headerPos == headerLength && dataPos == dataLength && !nextWindow()) {
            return -1;
        }
        if (headerPos < headerLength) {
            int n = Math.min(len, headerLength - headerPos);
            System.arraycopy(header, headerPos, b, off, n);
            headerPos += n;
            return n;
        }
        int n = Math.min(len, dataLength - dataPos);
        System.arraycopy(data, dataPos, b, off, n);
        dataPos += n;
        return n;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
