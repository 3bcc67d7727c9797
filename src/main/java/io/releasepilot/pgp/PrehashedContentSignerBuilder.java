package io.releasepilot.pgp;

import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.DSASigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.RSADigestSigner;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.operator.PGPContentSigner;
import org.bouncycastle.openpgp.operator.PGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyConverter;

import java.io.OutputStream;
import java.security.MessageDigest;

/**
 * Signs with SHA-512 starting from a JDK digest that already holds the artifact's bytes: the signature trailer
 * is added to a copy of that digest, and the key signs the result. The artifact is hashed once for its
 * {@code .sha512} and its signature.
 */
final class PrehashedContentSignerBuilder implements PGPContentSignerBuilder {
    private final MessageDigest dataDigest;
    private final int keyAlgorithm;

    PrehashedContentSignerBuilder(MessageDigest sha512OfData, int keyAlgorithm) {
        this.dataDigest = sha512OfData;
        this.keyAlgorithm = keyAlgorithm;
    }

    @Override
    public PGPContentSigner build(int signatureType, PGPPrivateKey privateKey) throws PGPException {
        MessageDigest md;
        try {
            md = (MessageDigest) dataDigest.clone();
        } catch (CloneNotSupportedException e) {
            throw new PGPException("the SHA-512 digest cannot be copied", e);
        }
        var keyParam = new BcPGPKeyConverter().getPrivateKey(privateKey);
        return new PGPContentSigner() {
            private byte[] hash;

            @Override
            public OutputStream getOutputStream() {
                return new OutputStream() {
                    @Override
                    public void write(int b) {
                        md.update((byte) b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        md.update(b, off, len);
                    }
                };
            }

            private byte[] hash() {
                if (hash == null) {
                    hash = md.digest();
                }
                return hash;
            }

            @Override
            public byte[] getSignature() {
                byte[] h = hash();
                PrehashedDigest pre = new PrehashedDigest("SHA-512", h);
                Signer signer = switch (keyAlgorithm) {
                    case PublicKeyAlgorithmTags.RSA_GENERAL, PublicKeyAlgorithmTags.RSA_SIGN -> new RSADigestSigner(pre);
                    case PublicKeyAlgorithmTags.DSA -> new DSADigestSigner(new DSASigner(), pre);
                    case PublicKeyAlgorithmTags.ECDSA -> new DSADigestSigner(new ECDSASigner(), pre);
                    default -> new Ed25519Signer();
                };
                signer.init(true, keyParam);
                if (signer instanceof Ed25519Signer) {
                    signer.update(h, 0, h.length);
                }
                try {
                    return signer.generateSignature();
                } catch (CryptoException e) {
                    throw new IllegalStateException("signing failed: " + e.getMessage(), e);
                }
            }

            @Override
            public byte[] getDigest() {
                return hash();
            }

            @Override
            public int getType() {
                return signatureType;
            }

            @Override
            public int getHashAlgorithm() {
                return HashAlgorithmTags.SHA512;
            }

            @Override
            public int getKeyAlgorithm() {
                return keyAlgorithm;
            }

            @Override
            public long getKeyID() {
                return privateKey.getKeyID();
            }
        };
    }

    static boolean supports(int keyAlgorithm) {
        return keyAlgorithm == PublicKeyAlgorithmTags.RSA_GENERAL || keyAlgorithm == PublicKeyAlgorithmTags.RSA_SIGN
                || keyAlgorithm == PublicKeyAlgorithmTags.DSA || keyAlgorithm == PublicKeyAlgorithmTags.ECDSA
                || keyAlgorithm == PublicKeyAlgorithmTags.EDDSA_LEGACY;
    }
}
