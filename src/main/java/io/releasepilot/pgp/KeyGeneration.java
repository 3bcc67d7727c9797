package io.releasepilot.pgp;

import io.releasepilot.core.CancelledException;
import io.releasepilot.core.Passphrase;
import io.releasepilot.core.Progress;
import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.Features;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.bcpg.sig.RevocationReasonTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyPair;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Date;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Makes release signing keys: an RSA primary key [SC] and an RSA subkey [E], self-signed with SHA-512 and the
 * preferences gpg sets, protected with {@link Protection}, plus a revocation certificate. The two RSA key
 * pairs are made in parallel.
 */
public final class KeyGeneration {
    private KeyGeneration() {
    }

    public static GeneratedKey generate(KeySpec spec, Passphrase passphrase, Progress progress)
            throws KeyringException, CancelledException {
        progress.begin("Generating a " + spec.bits() + "-bit RSA key and subkey", 3);
        CompletableFuture<KeyPair> primaryPair = CompletableFuture.supplyAsync(() -> rsa(spec.bits()));
        CompletableFuture<KeyPair> subPair = CompletableFuture.supplyAsync(() -> rsa(spec.bits()));
        try {
            KeyPair primaryKeys = await(primaryPair, progress);
            progress.worked(1);
            KeyPair subKeys = await(subPair, progress);
            progress.worked(1);
            Date now = new Date(System.currentTimeMillis() / 1000 * 1000);
            PGPKeyPair primary = new JcaPGPKeyPair(PublicKeyAlgorithmTags.RSA_GENERAL, primaryKeys, now);
            PGPKeyPair sub = new JcaPGPKeyPair(PublicKeyAlgorithmTags.RSA_GENERAL, subKeys, now);

            PGPSignatureSubpacketGenerator primaryPackets = new PGPSignatureSubpacketGenerator();
            primaryPackets.setKeyFlags(true, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
            primaryPackets.setPreferredSymmetricAlgorithms(false, new int[] {SymmetricKeyAlgorithmTags.AES_256,
                    SymmetricKeyAlgorithmTags.AES_192, SymmetricKeyAlgorithmTags.AES_128});
            primaryPackets.setPreferredHashAlgorithms(false, new int[] {HashAlgorithmTags.SHA512,
                    HashAlgorithmTags.SHA384, HashAlgorithmTags.SHA256, HashAlgorithmTags.SHA224});
            primaryPackets.setPreferredCompressionAlgorithms(false, new int[] {CompressionAlgorithmTags.ZLIB,
                    CompressionAlgorithmTags.BZIP2, CompressionAlgorithmTags.ZIP});
            primaryPackets.setFeature(false, Features.FEATURE_MODIFICATION_DETECTION);
            primaryPackets.setIssuerFingerprint(false, primary.getPublicKey());
            primaryPackets.setPrimaryUserID(false, true);
            spec.expiry().ifPresent(d -> primaryPackets.setKeyExpirationTime(true, d.getSeconds()));

            PGPSignatureSubpacketGenerator subPackets = new PGPSignatureSubpacketGenerator();
            subPackets.setKeyFlags(true, KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE);
            subPackets.setIssuerFingerprint(false, primary.getPublicKey());
            spec.expiry().ifPresent(d -> subPackets.setKeyExpirationTime(true, d.getSeconds()));

            PGPDigestCalculator sha1 = new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1);
            PGPKeyRingGenerator generator = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, primary,
                    spec.userId(), sha1, primaryPackets.generate(), null,
                    new JcaPGPContentSignerBuilder(PublicKeyAlgorithmTags.RSA_GENERAL, HashAlgorithmTags.SHA512),
                    Protection.encryptor(passphrase));
            generator.addSubKey(sub, subPackets.generate(), null);
            PGPSecretKeyRing secret = generator.generateSecretKeyRing();
            byte[] revocation = revocation(primary.getPrivateKey(), primary.getPublicKey());
            progress.worked(1);
            byte[] armored = Armor.armor(secret::encode);
            return new GeneratedKey(KeyInfos.of(generator.generatePublicKeyRing()), armored, revocation);
        } catch (PGPException | IOException e) {
            throw new KeyringException("The key could not be made: " + e.getMessage(), "Try again.", e);
        } finally {
            primaryPair.cancel(true);
            subPair.cancel(true);
        }
    }

    private static KeyPair await(CompletableFuture<KeyPair> future, Progress progress) throws CancelledException,
            KeyringException {
        while (true) {
            progress.checkCancelled("Key generation");
            try {
                return future.get(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                // check for cancel again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException("Key generation");
            } catch (ExecutionException e) {
                throw new KeyringException("The key could not be made: " + e.getCause().getMessage(), "Try again.",
                        e.getCause());
            }
        }
    }

    private static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is not available", e);
        }
    }

    /** A revocation certificate for {@code key}, as gpg makes one at key creation (reason: none given). */
    static byte[] revocation(PGPPrivateKey privateKey, PGPPublicKey key) throws PGPException, IOException {
        PGPSignatureGenerator generator = new PGPSignatureGenerator(
                new JcaPGPContentSignerBuilder(key.getAlgorithm(), HashAlgorithmTags.SHA512), key);
        generator.init(PGPSignature.KEY_REVOCATION, privateKey);
        PGPSignatureSubpacketGenerator packets = new PGPSignatureSubpacketGenerator();
        packets.setRevocationReason(false, RevocationReasonTags.NO_REASON, "");
        packets.setIssuerFingerprint(false, key);
        generator.setHashedSubpackets(packets.generate());
        PGPSignature revocation = generator.generateCertification(key);
        // gpg writes and imports revocation certificates armored as a public key block; the armor checksum
        // covers the data only, so the label can say so.
        String armored = new String(Armor.armor(revocation::encode), java.nio.charset.StandardCharsets.US_ASCII);
        return armored.replace("PGP SIGNATURE-----", "PGP PUBLIC KEY BLOCK-----")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
