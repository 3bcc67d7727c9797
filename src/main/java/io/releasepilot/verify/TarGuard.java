package io.releasepilot.verify;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Watches the tar stream go by, header by header, and stops it before a metadata entry (PAX header, GNU long
 * name or link) larger than {@link #MAX_META} reaches Commons Compress, which would read such an entry whole
 * into memory (a 1 MB tar.gz can hold a 1 GB PAX header).
 */
final class TarGuard extends FilterInputStream {
    static final long MAX_META = 1 << 20;
    private static final int BLOCK = 512;

    /** A metadata entry over the bound: the archive is hostile or broken. */
    static final class MetaTooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        MetaTooLarge(String message) {
            super(message);
        }
    }

    private final byte[] header = new byte[BLOCK];
    private int fill;
    private long skip;
    private boolean extensions;
    private long offset;

    TarGuard(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        for (int i = 0; i < n; ) {
            if (skip > 0) {
                int take = (int) Math.min(skip, n - i);
                skip -= take;
                i += take;
                offset += take;
                continue;
            }
            int take = Math.min(BLOCK - fill, n - i);
            System.arraycopy(b, off + i, header, fill, take);
            fill += take;
            i += take;
            offset += take;
            if (fill == BLOCK) {
                fill = 0;
                block();
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[8192];
        long done = 0;
        while (done < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - done));
            if (r < 0) {
                break;
            }
            done += r;
        }
        return done;
    }

    private void block() throws MetaTooLarge {
        if (extensions) {
            extensions = header[504] != 0;
            if (!extensions) {
                skip = padded(pendingData);
            }
            return;
        }
        boolean zero = true;
        for (byte x : header) {
            if (x != 0) {
                zero = false;
                break;
            }
        }
        if (zero) {
            return;
        }
        long size = size();
        char type = (char) header[156];
        if ((type == 'x' || type == 'g' || type == 'X' || type == 'L' || type == 'K') && size > MAX_META) {
            throw new MetaTooLarge("a tar " + (type == 'L' || type == 'K' ? "long-name" : "PAX") + " header of "
                    + size + " bytes (entry \"" + Names.escape(name()) + "\" at offset " + (offset - BLOCK)
                    + "); no real archive needs more than " + (MAX_META >> 10) + " KB. Reading stopped there");
        }
        if (type == 'S' && header[482] != 0) {
            extensions = true;
            pendingData = size;
            return;
        }
        skip = padded(size);
    }

    private long pendingData;

    private static long padded(long size) {
        return (size + BLOCK - 1) / BLOCK * BLOCK;
    }

    private String name() {
        int end = 0;
        while (end < 100 && header[end] != 0) {
            end++;
        }
        return new String(header, 0, end, StandardCharsets.UTF_8);
    }

    /** The size field: octal digits, or base-256 when the first byte's high bit is set. */
    private long size() {
        if ((header[124] & 0x80) != 0) {
            long v = header[124] & 0x7f;
            for (int i = 125; i < 136; i++) {
                v = (v << 8) | (header[i] & 0xff);
                if (v > Long.MAX_VALUE >> 9) {
                    return Long.MAX_VALUE >> 1;
                }
            }
            return v;
        }
        long v = 0;
        for (int i = 124; i < 136; i++) {
            int c = header[i];
            if (c >= '0' && c <= '7') {
                v = (v << 3) | (c - '0');
            } else if (c != ' ' || v != 0) {
                if (c == 0 || c == ' ') {
                    break;
                }
            }
        }
        return v;
    }
}
