package io.releasepilot.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A gzip stream compressed on several cores, like pigz: the input is cut into fixed blocks, each block is
 * deflated on its own thread with the previous block's last 32 KiB as dictionary, and the raw deflate pieces
 * are joined (each ends on a byte boundary thanks to a sync flush) into one gzip member. The output depends
 * only on the input, never on the number of threads. The header carries no file name and a fixed time, so
 * two builds of the same bytes are identical.
 */
public final class ParallelGzipOutputStream extends OutputStream {
    static final int BLOCK = 1 << 20;
    private static final int DICTIONARY = 32 * 1024;
    private final OutputStream out;
    private final ExecutorService pool;
    private final int level;
    private final int maxPending;
    private final Deque<Future<byte[]>> pending = new ArrayDeque<>();
    private final CRC32 crc = new CRC32();
    private byte[] block = new byte[BLOCK];
    private int fill;
    private byte[] previousTail = new byte[0];
    private long total;
    private boolean closed;

    public ParallelGzipOutputStream(OutputStream out, ExecutorService pool, int threads, int level) throws IOException {
        this.out = out;
        this.pool = pool;
        this.level = level;
        this.maxPending = Math.max(2, threads * 2);
        // gzip header: magic, deflate, no flags (so no name), mtime 0, no extra flags, OS "unknown".
        out.write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 255});
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int n = Math.min(len, BLOCK - fill);
            System.arraycopy(b, off, block, fill, n);
            fill += n;
            off += n;
            len -= n;
            if (fill == BLOCK) {
                submit(false);
            }
        }
    }

    private void submit(boolean last) throws IOException {
        byte[] data = block;
        int length = fill;
        crc.update(data, 0, length);
        total += length;
        byte[] dictionary = previousTail;
        previousTail = Arrays.copyOfRange(data, Math.max(0, length - DICTIONARY), length);
        pending.add(pool.submit(() -> deflate(data, length, dictionary, last, level)));
        block = new byte[BLOCK];
        fill = 0;
        while (pending.size() >= maxPending) {
            drainOne();
        }
    }

    private static byte[] deflate(byte[] data, int length, byte[] dictionary, boolean last, int level) {
        Deflater deflater = new Deflater(level, true);
        try {
            if (dictionary.length > 0) {
                deflater.setDictionary(dictionary);
            }
            deflater.setInput(data, 0, length);
            ByteArrayOutputStream result = new ByteArrayOutputStream(length / 2 + 64);
            byte[] buffer = new byte[64 * 1024];
            if (last) {
                deflater.finish();
                while (!deflater.finished()) {
                    int n = deflater.deflate(buffer);
                    result.write(buffer, 0, n);
                }
            } else {
                int n;
                do {
                    n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                    result.write(buffer, 0, n);
                } while (n == buffer.length || !deflater.needsInput());
            }
            return result.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private void drainOne() throws IOException {
        try {
            out.write(pending.removeFirst().get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("compression interrupted");
        } catch (ExecutionException e) {
            throw new IOException("compression failed: " + e.getCause(), e.getCause());
        }
    }

    /** Finishes the gzip member; does not close the underlying stream. */
    public void finish() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        submit(true);
        while (!pending.isEmpty()) {
            drainOne();
        }
        long c = crc.getValue();
        out.write(new byte[] {(byte) c, (byte) (c >> 8), (byte) (c >> 16), (byte) (c >> 24),
                (byte) total, (byte) (total >> 8), (byte) (total >> 16), (byte) (total >> 24)});
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            finish();
        } finally {
            out.close();
        }
    }

    /** Abandons the stream without finishing it (after a failure or a cancel). */
    public void abort() {
        closed = true;
        pending.forEach(f -> f.cancel(true));
        pending.clear();
    }
}
