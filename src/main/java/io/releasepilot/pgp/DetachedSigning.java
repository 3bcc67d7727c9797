package io.releasepilot.pgp;

import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.PGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;

import java.io.IOException;
import java.security.MessageDigest;

/**
 * Detached SHA-512 signatures with an unlocked key. {@link #sign(MessageDigest)} signs from the SHA-512 digest
 * of the data (not changed), so one read of an artifact gives both its checksum and its signature.
 */
public final class DetachedSigning {
    private final PGPPrivateKey privateKey;
    private final PGPPublicKey publicKey;

    DetachedSigning(PGPPrivateKey privateKey, PGPPublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** The armored signature of the data whose SHA-512 state {@code sha512OfData} holds. */
    public byte[] sign(MessageDigest sha512OfData) throws KeyringException {
        PGPContentSignerBuilder builder = PrehashedContentSignerBuilder.supports(publicKey.getAlgorithm())
                ? new PrehashedContentSignerBuilder(sha512OfData, publicKey.getAlgorithm())
                : null;
        if (builder == null) {
            throw new KeyringException("Keys of type " + PgpNames.keyAlgorithm(publicKey.getAlgorithm())
                    + " cannot sign here.", "Use an RSA key, or sign through GnuPG.");
        }
        return generate(builder, null);
    }

    /** The armored signature of {@code data}, hashed by Bouncy Castle (for small data such as tags). */
    public byte[] sign(byte[] data) throws KeyringException {
        return generate(new BcPGPContentSignerBuilder(publicKey.getAlgorithm(), HashAlgorithmTags.SHA512), data);
    }

    private byte[] generate(PGPContentSignerBuilder builder, byte[] data) throws KeyringException {
        try {
            PGPSignatureGenerator generator = new PGPSignatureGenerator(builder, publicKey);
            generator.init(PGPSignature.BINARY_DOCUMENT, privateKey);
            PGPSignatureSubpacketGenerator packets = new PGPSignatureSubpacketGenerator();
            packets.setIssuerFingerprint(false, publicKey);
            packets.setSignatureCreationTime(false, new java.util.Date());
            generator.setHashedSubpackets(packets.generate());
            if (data != null) {
                generator.update(data);
            }
            PGPSignature signature = generator.generate();
            return Armor.armor(signature::encode);
        } catch (PGPException | IOException | IllegalStateException e) {
            throw new KeyringException("Signing failed: " + e.getMessage(), "Try again.", e);
        }
    }
}
