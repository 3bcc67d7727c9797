package io.releasepilot.pgp;

import org.bouncycastle.bcpg.ArmoredInputStream;
import org.bouncycastle.bcpg.BCPGInputStream;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks detached ASCII-armored signatures against the keys of a KEYS file. {@link #start} reads the
 * signature and finds its key; the returned {@link PendingSignature} then gets the artifact's bytes (or its
 * digest) from a single read of the artifact.
 */
public final class SignatureVerifier {
    private static final String ARMOR_BEGIN = "-----BEGIN PGP SIGNATURE-----";
    private static final int MAX_SIGNATURE_FILE = 1024 * 1024;
    private final KeyRingSet keys;

    public SignatureVerifier(KeyRingSet keys) {
        this.keys = keys;
    }

    /** Reads the .asc file {@code file}; one that cannot be read gives a MALFORMED verdict saying why. */
    public PendingSignature start(java.nio.file.Path file) {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            return start(in.readNBytes(MAX_SIGNATURE_FILE + 1));
        } catch (java.io.IOException e) {
            return PendingSignature.decided(new SignatureCheck.Malformed("it cannot be read: "
                    + io.releasepilot.core.IoErrors.reason(e) + "."));
        }
    }

    /** Reads {@code asc} (the content of a .asc file). Never throws: a bad file gives a MALFORMED verdict. */
    public PendingSignature start(byte[] asc) {
        if (asc.length == 0) {
            return PendingSignature.decided(new SignatureCheck.Malformed("the file is empty."));
        }
        if (asc.length > MAX_SIGNATURE_FILE) {
            return PendingSignature.decided(new SignatureCheck.Malformed("the file is " + asc.length
                    + " bytes; a detached signature is a few hundred bytes."));
        }
        String head = new String(asc, 0, Math.min(asc.length, 4096), StandardCharsets.ISO_8859_1);
        if (!head.contains(ARMOR_BEGIN)) {
            boolean binary = (asc[0] & 0x80) != 0;
            return PendingSignature.decided(new SignatureCheck.Malformed(binary
                    ? "it is a binary signature, not ASCII-armored; the ASF requires .asc files made with"
                    + " gpg --armor --detach-sign."
                    : "it has no \"" + ARMOR_BEGIN + "\" line."));
        }
        List<PGPSignature> signatures;
        try {
            signatures = readSignatures(asc);
        } catch (IOException | PGPException | RuntimeException e) {
            return PendingSignature.decided(new SignatureCheck.Malformed("damaged armor or packet ("
                    + e.getMessage() + ")."));
        }
        if (signatures.isEmpty()) {
            return PendingSignature.decided(new SignatureCheck.Malformed("it holds no signature."));
        }
        List<PendingSignature> parts = new ArrayList<>();
        for (PGPSignature sig : signatures) {
            if (sig.getSignatureType() != PGPSignature.BINARY_DOCUMENT
                    && sig.getSignatureType() != PGPSignature.CANONICAL_TEXT_DOCUMENT) {
                continue;
            }
            long keyId = issuer(sig);
            Optional<PGPPublicKeyRing> ring = keys.ringOf(keyId);
            if (ring.isEmpty()) {
                parts.add(PendingSignature.decided(new SignatureCheck.UnknownKey(String.format("%016X", keyId),
                        issuerFingerprint(sig), keys.source()), sig.getCreationTime().toInstant()));
                continue;
            }
            PGPPublicKey key = ring.get().getPublicKey(keyId);
            try {
                parts.add(PendingSignature.of(sig, ring.get(), key, keys.source()));
            } catch (PGPException | RuntimeException e) {
                parts.add(PendingSignature.decided(new SignatureCheck.Malformed("the signature could not be checked"
                        + " with key " + String.format("%016X", keyId) + ": " + e.getMessage())));
            }
        }
        if (parts.isEmpty()) {
            return PendingSignature.decided(new SignatureCheck.Malformed("it holds no signature of a document."));
        }
        // Like gpg, every signature in the file is checked; one bad signature makes the file bad.
        return parts.size() == 1 ? parts.get(0) : PendingSignature.all(parts);
    }

    /** The issuer fingerprint subpacket (hashed, else unhashed), as hex; "" when the signature has none. */
    private static String issuerFingerprint(PGPSignature sig) {
        for (var packets : new org.bouncycastle.openpgp.PGPSignatureSubpacketVector[] {
                sig.getHashedSubPackets(), sig.getUnhashedSubPackets()}) {
            if (packets != null && packets.getIssuerFingerprint() != null) {
                byte[] fpr = packets.getIssuerFingerprint().getFingerprint();
                if (fpr.length == 20 || fpr.length == 32) {
                    return Fingerprint.of(fpr).hex();
                }
            }
        }
        return "";
    }

    private static long issuer(PGPSignature sig) {
        long id = sig.getKeyID();
        if (id == 0 && sig.getHashedSubPackets() != null && sig.getHashedSubPackets().getIssuerFingerprint() != null) {
            byte[] fpr = sig.getHashedSubPackets().getIssuerFingerprint().getFingerprint();
            long v = 0;
            for (int i = fpr.length - 8; i < fpr.length; i++) {
                v = (v << 8) | (fpr[i] & 0xff);
            }
            id = v;
        }
        return id;
    }

    private static List<PGPSignature> readSignatures(byte[] asc) throws IOException, PGPException {
        List<PGPSignature> result = new ArrayList<>();
        try (InputStream armored = ArmoredInputStream.builder().build(new ByteArrayInputStream(asc))) {
            byte[] data = armored.readAllBytes();
            collect(new BcPGPObjectFactory(new BCPGInputStream(new ByteArrayInputStream(data))), result);
        }
        return result;
    }

    private static void collect(BcPGPObjectFactory factory, List<PGPSignature> into) throws IOException, PGPException {
        Object o;
        while ((o = factory.nextObject()) != null) {
            if (o instanceof PGPSignatureList list) {
                list.forEach(into::add);
            } else if (o instanceof PGPCompressedData compressed) {
                collect(new BcPGPObjectFactory(compressed.getDataStream()), into);
            } else {
                throw new PGPException("unexpected " + o.getClass().getSimpleName() + " in a signature file");
            }
        }
    }
}
