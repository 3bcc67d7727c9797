package io.releasepilot.verify;

import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Decompresses a gzip stream on a thread of its own and hands the result to the reader (the tar parsing and the
 * checks) in bounded chunks, so decompressing and checking share two cores. Each chunk carries how many
 * compressed bytes had been read to make it ({@link #compressed()}, for the compression-ratio bound). A failure
 * of the decompressing side is thrown, unchanged, from the reader's next read; closing the reader stops it.
 */
final class InflatingPipe extends InputStream {
    private static final int CHUNK = 64 * 1024;
    private static final int CHUNKS = 16;

    private record Chunk(byte[] bytes, int length, long compressed) {
    }

    private static final Chunk END = new Chunk(new byte[0], 0, 0);
    private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(CHUNKS);
    private volatile boolean closed;
    private volatile Exception failure;
    private Chunk current = new Chunk(new byte[0], 0, 0);
    private int pos;
    private boolean ended;
    private long compressed;

    /** Starts decompressing {@code gzip} (concatenated members too), which is closed when done. */
    InflatingPipe(InputStream gzip) {
        Thread t = new Thread(() -> run(gzip), "release-pilot-inflate");
        t.setDaemon(true);
        t.start();
    }

    private void run(InputStream raw) {
        boolean done = false;
        CountingInputStream counting = new CountingInputStream(raw);
        try (InputStream in = GzipCompressorInputStream.builder().setInputStream(counting)
                .setDecompressConcatenated(true).get()) {
            while (!closed) {
                byte[] b = new byte[CHUNK];
                int n = in.read(b, 0, CHUNK);
                if (n < 0) {
                    break;
                }
                if (n > 0 && !put(new Chunk(b, n, counting.count()))) {
                    break;
                }
            }
            done = true;
        } catch (IOException | RuntimeException e) {
            failure = e;
            done = true;
        } finally {
            try {
                raw.close();
            } catch (IOException e) {
                // read to the end or failed already; nothing more to do with it
            }
            if (!done) {
                failure = new IOException("decompressing stopped unexpectedly");
            }
            put(END);
        }
    }

    /** Hands a chunk over; false when the reader has stopped (or this thread was interrupted). */
    private boolean put(Chunk chunk) {
        try {
            while (!closed) {
                if (queue.offer(chunk, 50, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** How many compressed bytes had been read when the bytes last handed out were made. */
    long compressed() {
        return compressed;
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
                Exception f = failure;
                if (f instanceof IOException io) {
                    throw io;
                }
                if (f instanceof RuntimeException re) {
                    throw re;
                }
                return -1;
            }
            compressed = current.compressed;
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current.bytes, pos, b, off, n);
        pos += n;
        return n;
    }

    /** The reader stops: the decompressing side stops at its next chunk. */
    @Override
    public void close() {
        closed = true;
        queue.clear();
    }
}
