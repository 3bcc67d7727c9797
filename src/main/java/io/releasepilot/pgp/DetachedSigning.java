package io.releasepilot.pgp;

import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;

import java.io.IOException;

/** A detached SHA-512 signature being made over bytes passed to {@link #update}; armored by {@link #finish}. */
public final class DetachedSigning {
    private final PGPSignatureGenerator generator;

    DetachedSigning(PGPPrivateKey privateKey, PGPPublicKey publicKey) throws KeyringException {
        try {
            generator = new PGPSignatureGenerator(
                    new BcPGPContentSignerBuilder(publicKey.getAlgorithm(), HashAlgorithmTags.SHA512), publicKey);
            generator.init(PGPSignature.BINARY_DOCUMENT, privateKey);
            PGPSignatureSubpacketGenerator packets = new PGPSignatureSubpacketGenerator();
            packets.setIssuerFingerprint(false, publicKey);
            packets.setSignatureCreationTime(false, new java.util.Date());
            generator.setHashedSubpackets(packets.generate());
        } catch (PGPException e) {
            throw new KeyringException("Signing could not start: " + e.getMessage(), "Try again.", e);
        }
    }

    public void update(byte[] data, int off, int len) {
        generator.update(data, off, len);
    }

    /** The armored detached signature: the content of the {@code .asc} file. */
    public byte[] finish() throws KeyringException {
        try {
            PGPSignature signature = generator.generate();
            return Armor.armor(signature::encode);
        } catch (PGPException | IOException e) {
            throw new KeyringException("Signing failed: " + e.getMessage(), "Try again.", e);
        }
    }
}
