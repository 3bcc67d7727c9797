package io.releasepilot.pgp;

import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Locale;

/**
 * The listing {@code gpg --list-sigs} prints for a key, which ASF projects put above each key block in KEYS:
 * <pre>
 * pub   rsa4096 2026-11-21 [SC]
 *       0123456789ABCDEF0123456789ABCDEF01234567
 * uid           [ultimate] Jane Doe &lt;jdoe@apache.org&gt;
 * sig 3        89ABCDEF01234567 2026-11-21  Jane Doe &lt;jdoe@apache.org&gt;
 * sub   rsa4096 2026-11-21 [E]
 * sig          89ABCDEF01234567 2026-11-21  Jane Doe &lt;jdoe@apache.org&gt;
 * </pre>
 */
public final class KeyListing {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private KeyListing() {
    }

    static String render(PGPPublicKeyRing ring) {
        PGPPublicKey primary = ring.getPublicKey();
        String primaryUid = KeyInfos.of(ring).primaryUserId();
        StringBuilder sb = new StringBuilder();
        sb.append("pub   ").append(keyLine(primary)).append('\n');
        sb.append("      ").append(Fingerprint.of(primary.getFingerprint()).hex()).append('\n');
        for (Iterator<byte[]> it = primary.getRawUserIDs(); it.hasNext(); ) {
            byte[] raw = it.next();
            sb.append("uid           [ultimate] ").append(new String(raw, StandardCharsets.UTF_8)).append('\n');
            for (Iterator<PGPSignature> sigs = primary.getSignaturesForID(raw); sigs != null && sigs.hasNext(); ) {
                sb.append(sigLine(sigs.next(), primary, primaryUid)).append('\n');
            }
        }
        for (PGPPublicKey key : ring) {
            if (key.isMasterKey()) {
                continue;
            }
            sb.append("sub   ").append(keyLine(key)).append('\n');
            for (Iterator<PGPSignature> sigs = key.getSignatures(); sigs.hasNext(); ) {
                sb.append(sigLine(sigs.next(), primary, primaryUid)).append('\n');
            }
        }
        return sb.toString();
    }

    private static String keyLine(PGPPublicKey key) {
        StringBuilder sb = new StringBuilder();
        sb.append(algorithm(key)).append(' ').append(DAY.format(key.getCreationTime().toInstant()))
                .append(" [").append(usage(key)).append(']');
        KeyInfos.expiry(key).ifPresent(e -> sb.append(" [expires: ").append(DAY.format(e)).append(']'));
        return sb.toString();
    }

    private static String algorithm(PGPPublicKey key) {
        return switch (key.getAlgorithm()) {
            case PublicKeyAlgorithmTags.RSA_GENERAL, PublicKeyAlgorithmTags.RSA_SIGN,
                 PublicKeyAlgorithmTags.RSA_ENCRYPT -> "rsa" + key.getBitStrength();
            case PublicKeyAlgorithmTags.DSA -> "dsa" + key.getBitStrength();
            case PublicKeyAlgorithmTags.ELGAMAL_ENCRYPT, PublicKeyAlgorithmTags.ELGAMAL_GENERAL -> "elg"
                    + key.getBitStrength();
            case PublicKeyAlgorithmTags.EDDSA_LEGACY, PublicKeyAlgorithmTags.Ed25519 -> "ed25519";
            case PublicKeyAlgorithmTags.ECDH, PublicKeyAlgorithmTags.X25519 -> "cv25519";
            default -> PgpNames.keyAlgorithm(key.getAlgorithm()).toLowerCase(Locale.ROOT) + key.getBitStrength();
        };
    }

    private static String usage(PGPPublicKey key) {
        int flags = 0;
        for (Iterator<PGPSignature> it = key.getSignatures(); it.hasNext(); ) {
            PGPSignature sig = it.next();
            if (sig.getHashedSubPackets() != null) {
                flags |= sig.getHashedSubPackets().getKeyFlags();
            }
        }
        StringBuilder sb = new StringBuilder();
        if ((flags & KeyFlags.SIGN_DATA) != 0) {
            sb.append('S');
        }
        if ((flags & KeyFlags.CERTIFY_OTHER) != 0) {
            sb.append('C');
        }
        if ((flags & (KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE)) != 0) {
            sb.append('E');
        }
        if ((flags & KeyFlags.AUTHENTICATION) != 0) {
            sb.append('A');
        }
        return sb.toString();
    }

    private static String sigLine(PGPSignature sig, PGPPublicKey primary, String primaryUid) {
        String level = switch (sig.getSignatureType()) {
            case PGPSignature.POSITIVE_CERTIFICATION -> "sig 3       ";
            case PGPSignature.CASUAL_CERTIFICATION -> "sig 2       ";
            case PGPSignature.NO_CERTIFICATION -> "sig 1       ";
            case PGPSignature.KEY_REVOCATION, PGPSignature.CERTIFICATION_REVOCATION,
                 PGPSignature.SUBKEY_REVOCATION -> "rev         ";
            default -> "sig         ";
        };
        Instant made = sig.getCreationTime().toInstant();
        String signer = sig.getKeyID() == primary.getKeyID() ? primaryUid : "[User ID not found]";
        return level + " " + String.format("%016X", sig.getKeyID()) + " " + DAY.format(made) + "  " + signer;
    }
}
