package io.releasepilot.pgp;

import io.releasepilot.core.ReleasePilotException;
import org.bouncycastle.bcpg.ArmoredInputStream;
import org.bouncycastle.bcpg.BCPGInputStream;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads KEYS files as they are in the wild: listings and free text between armored blocks, several keys in one
 * block, the same key twice, old PGP armor headers, damaged signature packets. Whatever can be read is read;
 * each part that cannot is reported with its block and line, and never fails the rest.
 */
public final class KeysReader {
    private static final String BEGIN = "-----BEGIN PGP PUBLIC KEY BLOCK-----";
    private static final String END = "-----END PGP PUBLIC KEY BLOCK-----";
    private static final long MAX_KEYS_FILE = 64L * 1024 * 1024;

    private KeysReader() {
    }

    public static KeyRingSet read(Path file) throws ReleasePilotException {
        try {
            if (Files.size(file) > MAX_KEYS_FILE) {
                throw new ReleasePilotException(file + " is larger than 64 MB; it is not a KEYS file.",
                        "Give the project's KEYS file (from dist/release/<project>/KEYS).");
            }
            return parse(Files.readString(file, StandardCharsets.ISO_8859_1), file.getFileName().toString());
        } catch (IOException e) {
            throw new ReleasePilotException("Could not read the KEYS file " + file + ": "
                    + io.releasepilot.core.IoErrors.reason(e) + ".", io.releasepilot.core.IoErrors.fix(e, file), e);
        }
    }

    /** Reads keys from text; {@code source} names it in messages. Binary key data is read too. */
    public static KeyRingSet parse(String text, String source) {
        KeyRingSet set = new KeyRingSet(source);
        String[] lines = text.split("\r\n|\r|\n", -1);
        int blocks = 0;
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].strip().equals(BEGIN)) {
                continue;
            }
            int begin = i;
            int end = -1;
            for (int j = i + 1; j < lines.length; j++) {
                String l = lines[j].strip();
                if (l.equals(END)) {
                    end = j;
                    break;
                }
                if (l.equals(BEGIN)) {
                    break;
                }
            }
            blocks++;
            String where = "block at line " + (begin + 1);
            if (end < 0) {
                set.problem(source + ": " + where + " has no END line; the block was skipped.");
                continue;
            }
            readBlock(set, lines, begin, end, where, source);
            i = end;
        }
        if (blocks == 0 && !text.isBlank()) {
            set.problem(source + ": no \"" + BEGIN + "\" block was found.");
        }
        return set;
    }

    private static void readBlock(KeyRingSet set, String[] lines, int begin, int end, String where, String source) {
        StringBuilder armor = new StringBuilder();
        for (int k = begin; k <= end; k++) {
            armor.append(lines[k].strip()).append('\n');
        }
        byte[] data;
        try (InputStream in = ArmoredInputStream.builder().setIgnoreCRC(false)
                .build(new ByteArrayInputStream(armor.toString().getBytes(StandardCharsets.ISO_8859_1)))) {
            data = in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            set.problem(source + ": " + where + " has damaged armor (" + e.getMessage() + "); it was skipped.");
            return;
        }
        PacketSplitter.Split split = PacketSplitter.split(data);
        if (!split.problem().isEmpty()) {
            set.problem(source + ": " + where + ": " + split.problem() + "; the packets after it were skipped.");
        }
        for (List<PacketSplitter.Packet> key : groupByKey(split.packets())) {
            readKey(set, key, where, source);
        }
    }

    private static List<List<PacketSplitter.Packet>> groupByKey(List<PacketSplitter.Packet> packets) {
        List<List<PacketSplitter.Packet>> keys = new ArrayList<>();
        List<PacketSplitter.Packet> current = null;
        for (PacketSplitter.Packet p : packets) {
            if (p.tag() == PacketSplitter.TAG_PUBLIC_KEY) {
                current = new ArrayList<>();
                keys.add(current);
            }
            if (current != null && p.tag() != PacketSplitter.TAG_TRUST) {
                current.add(p);
            }
        }
        return keys;
    }

    /** Builds one key ring, dropping packets Bouncy Castle cannot read, and then third-party signatures. */
    private static void readKey(KeyRingSet set, List<PacketSplitter.Packet> packets, String where, String source) {
        List<PacketSplitter.Packet> readable = new ArrayList<>();
        int dropped = 0;
        for (PacketSplitter.Packet p : packets) {
            if (parses(p)) {
                readable.add(p);
            } else {
                dropped++;
            }
        }
        PGPPublicKeyRing ring = build(readable);
        if (ring == null) {
            List<PacketSplitter.Packet> bare = new ArrayList<>();
            for (PacketSplitter.Packet p : readable) {
                if (p.tag() != PacketSplitter.TAG_SIGNATURE || isSelfSignature(p, readable.get(0))) {
                    bare.add(p);
                }
            }
            ring = build(bare);
        }
        if (ring == null) {
            set.problem(source + ": " + where + ": a key could not be read; it was skipped.");
            return;
        }
        if (dropped > 0) {
            set.problem(source + ": " + where + ": " + dropped + " damaged packet(s) of key "
                    + Fingerprint.of(ring.getPublicKey().getFingerprint()).longKeyId() + " were skipped.");
        }
        set.add(ring);
    }

    private static boolean parses(PacketSplitter.Packet p) {
        try (BCPGInputStream in = new BCPGInputStream(new ByteArrayInputStream(p.encoded()))) {
            if (p.tag() == PacketSplitter.TAG_SIGNATURE) {
                new org.bouncycastle.openpgp.PGPSignature(in);
            } else {
                in.readPacket();
            }
            return true;
        } catch (IOException | RuntimeException | org.bouncycastle.openpgp.PGPException e) {
            return false;
        }
    }

    private static boolean isSelfSignature(PacketSplitter.Packet sig, PacketSplitter.Packet primary) {
        try {
            var signature = new org.bouncycastle.openpgp.PGPSignature(
                    new BCPGInputStream(new ByteArrayInputStream(sig.encoded())));
            var key = new PGPPublicKeyRing(primary.encoded(), new BcKeyFingerprintCalculator()).getPublicKey();
            return signature.getKeyID() == key.getKeyID() || signature.getKeyID() == 0;
        } catch (IOException | RuntimeException | org.bouncycastle.openpgp.PGPException e) {
            return false;
        }
    }

    private static PGPPublicKeyRing build(List<PacketSplitter.Packet> packets) {
        if (packets.isEmpty() || packets.get(0).tag() != PacketSplitter.TAG_PUBLIC_KEY) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (PacketSplitter.Packet p : packets) {
            bytes.writeBytes(p.encoded());
        }
        try {
            return new PGPPublicKeyRing(bytes.toByteArray(), new BcKeyFingerprintCalculator());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
