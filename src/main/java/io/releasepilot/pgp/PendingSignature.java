package io.releasepilot.pgp;

import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.DSASigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.RSADigestSigner;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyConverter;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * A signature waiting for the bytes it signs. Where it can, it shares the reader's digest of the artifact
 * ({@link #sharedDigest()}): the artifact is then hashed once for its checksum and its signature. Otherwise
 * ({@link #needsData()}) the bytes are fed to Bouncy Castle's verifier as they are read.
 */
public final class PendingSignature {
    private final SignatureCheck decided;
    private final PGPSignature signature;
    private final PGPPublicKeyRing ring;
    private final PGPPublicKey key;
    private final String keysSource;
    private final String jdkHash;
    private final boolean streaming;

    private PendingSignature(SignatureCheck decided, PGPSignature signature, PGPPublicKeyRing ring,
                             PGPPublicKey key, String keysSource, String jdkHash, boolean streaming) {
        this.decided = decided;
        this.signature = signature;
        this.ring = ring;
        this.key = key;
        this.keysSource = keysSource;
        this.jdkHash = jdkHash;
        this.streaming = streaming;
    }

    static PendingSignature decided(SignatureCheck check) {
        return new PendingSignature(check, null, null, null, "", null, false);
    }

    static PendingSignature of(PGPSignature sig, PGPPublicKeyRing ring, PGPPublicKey key, String keysSource)
            throws PGPException {
        String jdk = jdkHashName(sig.getHashAlgorithm());
        boolean prehashable = jdk != null && sig.getVersion() == 4
                && sig.getSignatureType() == PGPSignature.BINARY_DOCUMENT && supportsPrehash(sig.getKeyAlgorithm());
        if (!prehashable) {
            sig.init(new BcPGPContentVerifierBuilderProvider(), key);
        }
        return new PendingSignature(null, sig, ring, key, keysSource, prehashable ? jdk : null, !prehashable);
    }

    /** The JDK digest (e.g. "SHA-512") this signature reads from the shared pass, if it uses one. */
    public Optional<String> sharedDigest() {
        return Optional.ofNullable(jdkHash);
    }

    /** True when the artifact's bytes must be passed to {@link #update}. */
    public boolean needsData() {
        return streaming;
    }

    public void update(byte[] data, int off, int len) {
        if (streaming) {
            signature.update(data, off, len);
        }
    }

    /**
     * The verdict. {@code digests} holds the reader's digests over the whole artifact, not yet finished; they
     * are cloned here, not changed.
     */
    public SignatureCheck finish(Map<String, MessageDigest> digests, Instant now) {
        if (decided != null) {
            return decided;
        }
        SignerDetails signer = signer();
        boolean valid;
        try {
            valid = streaming ? signature.verify() : verifyPrehashed(digests.get(jdkHash));
        } catch (PGPException | RuntimeException | CloneNotSupportedException e) {
            return new SignatureCheck.Malformed("the signature could not be checked: " + e.getMessage());
        }
        if (!valid) {
            return new SignatureCheck.Bad(signer, "it does not match the file. The file was changed after signing,"
                    + " or the signature belongs to another file. Do not use this artifact.");
        }
        PGPPublicKey primary = ring.getPublicKey();
        if (primary.hasRevocation() || key.hasRevocation()) {
            return new SignatureCheck.RevokedKey(signer);
        }
        Instant made = signature.getCreationTime().toInstant();
        Optional<Instant> expiry = earliest(KeyInfos.expiry(primary), KeyInfos.expiry(key));
        if (expiry.isPresent() && !expiry.get().isAfter(made)) {
            return new SignatureCheck.Bad(signer, "it was made on " + made + ", after the key expired on "
                    + expiry.get() + ".");
        }
        if (expiry.isPresent() && !expiry.get().isAfter(now)) {
            return new SignatureCheck.GoodExpiredKey(signer, expiry.get());
        }
        return new SignatureCheck.Good(signer);
    }

    private boolean verifyPrehashed(MessageDigest shared) throws CloneNotSupportedException, PGPException {
        if (shared == null) {
            throw new IllegalStateException("The " + jdkHash + " digest of the artifact was not computed");
        }
        MessageDigest md = (MessageDigest) shared.clone();
        md.update(signature.getSignatureTrailer());
        byte[] hash = md.digest();
        byte[] prefix = signature.getDigestPrefix();
        if (prefix != null && prefix.length == 2 && (hash[0] != prefix[0] || hash[1] != prefix[1])) {
            return false;
        }
        CipherParameters publicKey = new BcPGPKeyConverter().getPublicKey(key);
        byte[] sigBytes = signature.getSignature();
        PrehashedDigest pre = new PrehashedDigest(jdkHash, hash);
        Signer signer = switch (signature.getKeyAlgorithm()) {
            case PublicKeyAlgorithmTags.RSA_GENERAL, PublicKeyAlgorithmTags.RSA_SIGN -> new RSADigestSigner(pre);
            case PublicKeyAlgorithmTags.DSA -> new DSADigestSigner(new DSASigner(), pre);
            case PublicKeyAlgorithmTags.ECDSA -> new DSADigestSigner(new ECDSASigner(), pre);
            default -> new Ed25519Signer();
        };
        signer.init(false, publicKey);
        if (signer instanceof Ed25519Signer) {
            // OpenPGP's EdDSA signs the digest itself
            signer.update(hash, 0, hash.length);
            if (sigBytes.length < 64) {
                sigBytes = Arrays.copyOf(sigBytes, 64);
            }
        }
        return signer.verifySignature(sigBytes);
    }

    private SignerDetails signer() {
        KeyInfo info = KeyInfos.of(ring);
        return new SignerDetails(info.fingerprint(), String.format("%016X", key.getKeyID()), info.primaryUserId(),
                info.hasApacheAddress(), signature.getCreationTime().toInstant(),
                PgpNames.hashAlgorithm(signature.getHashAlgorithm()), PgpNames.keyAlgorithm(key.getAlgorithm()),
                key.getBitStrength());
    }

    private static Optional<Instant> earliest(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return Optional.of(a.get().isBefore(b.get()) ? a.get() : b.get());
    }

    private static boolean supportsPrehash(int keyAlgorithm) {
        return keyAlgorithm == PublicKeyAlgorithmTags.RSA_GENERAL || keyAlgorithm == PublicKeyAlgorithmTags.RSA_SIGN
                || keyAlgorithm == PublicKeyAlgorithmTags.DSA || keyAlgorithm == PublicKeyAlgorithmTags.ECDSA
                || keyAlgorithm == PublicKeyAlgorithmTags.EDDSA_LEGACY;
    }

    /** The JDK name of an OpenPGP hash algorithm that both the JDK and BC's signers know, or null. */
    static String jdkHashName(int hashAlgorithm) {
        String name = switch (hashAlgorithm) {
            case HashAlgorithmTags.MD5 -> "MD5";
            case HashAlgorithmTags.SHA1 -> "SHA-1";
            case HashAlgorithmTags.SHA224 -> "SHA-224";
            case HashAlgorithmTags.SHA256 -> "SHA-256";
            case HashAlgorithmTags.SHA384 -> "SHA-384";
            case HashAlgorithmTags.SHA512 -> "SHA-512";
            default -> null;
        };
        if (name == null) {
            return null;
        }
        try {
            MessageDigest.getInstance(name);
            return name;
        } catch (NoSuchAlgorithmException e) {
            return null;
        }
    }
}
