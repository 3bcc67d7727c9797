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
import java.util.List;
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
    private final List<PendingSignature> parts;
    private Instant made;

    private PendingSignature(SignatureCheck decided, PGPSignature signature, PGPPublicKeyRing ring,
                             PGPPublicKey key, String keysSource, String jdkHash, boolean streaming) {
        this.decided = decided;
        this.signature = signature;
        this.ring = ring;
        this.key = key;
        this.keysSource = keysSource;
        this.jdkHash = jdkHash;
        this.streaming = streaming;
        this.parts = List.of();
    }

    private PendingSignature(List<PendingSignature> parts) {
        this.decided = null;
        this.signature = null;
        this.ring = null;
        this.key = null;
        this.keysSource = "";
        this.jdkHash = null;
        this.streaming = parts.stream().anyMatch(PendingSignature::needsData);
        this.parts = List.copyOf(parts);
    }

    static PendingSignature decided(SignatureCheck check) {
        return new PendingSignature(check, null, null, null, "", null, false);
    }

    /** A verdict already known, for a signature made at {@code made}. */
    static PendingSignature decided(SignatureCheck check, Instant made) {
        PendingSignature p = decided(check);
        p.made = made;
        return p;
    }

    /**
     * When the signature says it was made (the latest, for a file of several): the time the candidate was made,
     * whether or not the signature turns out good. Empty when the file held no readable signature.
     */
    public Optional<Instant> created() {
        if (signature != null) {
            return Optional.of(signature.getCreationTime().toInstant());
        }
        return parts.stream().map(PendingSignature::created).flatMap(Optional::stream).max(Instant::compareTo)
                .or(() -> Optional.ofNullable(made));
    }

    /** Several signatures in one file: each is checked, and the file is only as good as its worst one. */
    static PendingSignature all(List<PendingSignature> parts) {
        return new PendingSignature(parts);
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
        return sharedDigests().stream().findFirst();
    }

    /** Every JDK digest the signatures of this file read from the shared pass. */
    public List<String> sharedDigests() {
        if (parts.isEmpty()) {
            return jdkHash == null ? List.of() : List.of(jdkHash);
        }
        return parts.stream().flatMap(p -> p.sharedDigests().stream()).distinct().toList();
    }

    /** True when the artifact's bytes must be passed to {@link #update}. */
    public boolean needsData() {
        return streaming;
    }

    public void update(byte[] data, int off, int len) {
        for (PendingSignature part : parts) {
            part.update(data, off, len);
        }
        if (streaming && parts.isEmpty()) {
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
        if (!parts.isEmpty()) {
            return worst(parts.stream().map(p -> p.finish(digests, now)).toList());
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
        Instant keyCreated = key.getCreationTime().toInstant();
        if (made.isBefore(keyCreated)) {
            // gpg refuses such a signature too ("key ... was created ... in the future (time warp or clock problem)")
            return new SignatureCheck.Bad(signer, "it claims to have been made on " + made + ", before its key was"
                    + " created on " + keyCreated + "; gpg refuses such a signature.");
        }
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

    /** The verdict on a file of several signatures: a bad one wins (as in gpg), then any other failure. */
    private static SignatureCheck worst(List<SignatureCheck> checks) {
        for (SignatureStatus status : List.of(SignatureStatus.BAD, SignatureStatus.REVOKED_KEY,
                SignatureStatus.MALFORMED, SignatureStatus.UNKNOWN_KEY, SignatureStatus.GOOD_EXPIRED_KEY)) {
            for (SignatureCheck c : checks) {
                if (c.status() == status) {
                    return c;
                }
            }
        }
        return checks.get(0);
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
