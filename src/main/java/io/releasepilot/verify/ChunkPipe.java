package io.releasepilot.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands the bytes of the single read of an artifact to a second consumer (the archive inspector) on another
 * thread. Bounded, so memory stays flat; once the consumer closes its end, further bytes are dropped and the
 * reader never blocks on it.
 */
final class ChunkPipe extends InputStream {
    private static final byte[] END = new byte[0];
    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(8);
    private volatile boolean closed;
    private volatile IOException failure;
    private byte[] current = new byte[0];
    private int pos;
    private boolean ended;

    /** Producer side: passes a copy of {@code len} bytes on (or drops them when the consumer has stopped). */
    void write(byte[] b, int off, int len) throws InterruptedIOException {
        offer(Arrays.copyOfRange(b, off, off + len));
    }

    /** Producer side: no more bytes. */
    void finish() throws InterruptedIOException {
        offer(END);
    }

    /** Producer side: reading the file failed; the consumer sees the failure. */
    void fail(IOException e) {
        failure = e;
        queue.offer(END);
    }

    private void offer(byte[] chunk) throws InterruptedIOException {
        try {
            while (!closed && !queue.offer(chunk, 50, TimeUnit.MILLISECONDS)) {
                // wait for the consumer, or for it to stop
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while passing bytes on");
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (pos >= current.length) {
            if (ended) {
                return -1;
            }
            try {
                current = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading");
            }
            pos = 0;
            if (current == END) {
                ended = true;
                if (failure != null) {
                    throw failure;
                }
                return -1;
            }
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
    }

    /** Consumer side: stop; the producer's further bytes are dropped. */
    @Override
    public void close() {
        closed = true;
        queue.clear();
    }
}
