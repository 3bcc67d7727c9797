package io.releasepilot.pgp;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits decoded OpenPGP data into its packets (RFC 4880 section 4.2 framing) without interpreting them, so
 * that one damaged packet can be dropped while its neighbours are kept.
 */
final class PacketSplitter {
    static final int TAG_SIGNATURE = 2;
    static final int TAG_PUBLIC_KEY = 6;
    static final int TAG_TRUST = 12;
    static final int TAG_USER_ID = 13;
    static final int TAG_PUBLIC_SUBKEY = 14;

    /** One packet: its tag and its whole encoding (header included). */
    record Packet(int tag, byte[] encoded) {
    }

    /** The packets read, and what stopped the reading early (empty if nothing did). */
    record Split(List<Packet> packets, String problem) {
    }

    private PacketSplitter() {
    }

    static Split split(byte[] data) {
        List<Packet> packets = new ArrayList<>();
        int pos = 0;
        while (pos < data.length) {
            int start = pos;
            int header = data[pos++] & 0xff;
            if ((header & 0x80) == 0) {
                return new Split(packets, "byte " + start + " is not the start of an OpenPGP packet");
            }
            int tag;
            long length;
            if ((header & 0x40) != 0) {
                tag = header & 0x3f;
                if (pos >= data.length) {
                    return new Split(packets, "the data ends inside a packet header");
                }
                int first = data[pos++] & 0xff;
                if (first < 192) {
                    length = first;
                } else if (first < 224) {
                    if (pos >= data.length) {
                        return new Split(packets, "the data ends inside a packet header");
                    }
                    length = ((first - 192L) << 8) + (data[pos++] & 0xff) + 192;
                } else if (first == 255) {
                    if (pos + 4 > data.length) {
                        return new Split(packets, "the data ends inside a packet header");
                    }
                    length = readUnsigned(data, pos, 4);
                    pos += 4;
                } else {
                    return new Split(packets, "a packet at byte " + start + " uses partial lengths, which keys never use");
                }
            } else {
                tag = (header >> 2) & 0x0f;
                int lengthType = header & 0x03;
                if (lengthType == 3) {
                    length = data.length - (long) pos;
                } else {
                    int n = 1 << lengthType;
                    if (pos + n > data.length) {
                        return new Split(packets, "the data ends inside a packet header");
                    }
                    length = readUnsigned(data, pos, n);
                    pos += n;
                }
            }
            if (length > data.length - (long) pos) {
                return new Split(packets, "a packet at byte " + start + " is longer than the data (truncated block?)");
            }
            int end = pos + (int) length;
            byte[] encoded = new byte[end - start];
            System.arraycopy(data, start, encoded, 0, encoded.length);
            packets.add(new Packet(tag, encoded));
            pos = end;
        }
        return new Split(packets, "");
    }

    private static long readUnsigned(byte[] data, int pos, int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << 8) | (data[pos + i] & 0xff);
        }
        return v;
    }
}
