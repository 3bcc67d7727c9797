package io.releasepilot.pgp;

import io.releasepilot.core.Passphrase;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.operator.PBESecretKeyDecryptor;
import org.bouncycastle.openpgp.operator.PBESecretKeyEncryptor;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePBESecretKeyEncryptorBuilder;

/**
 * How secret keys are protected at rest: AES-256 under an iterated and salted SHA-256 S2K with the largest
 * iteration count OpenPGP allows (65 million bytes hashed per unlock). The JDK's own SHA-256 and AES do the
 * work, so unlocking is fast for the owner and still costly for a guesser.
 */
final class Protection {
    static final int S2K_COUNT = 0xff;

    private Protection() {
    }

    static PBESecretKeyEncryptor encryptor(Passphrase passphrase) throws PGPException {
        return new JcePBESecretKeyEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256,
                new JcaPGPDigestCalculatorProviderBuilder().build().get(HashAlgorithmTags.SHA256), S2K_COUNT)
                .build(passphrase.chars());
    }

    static PBESecretKeyDecryptor decryptor(Passphrase passphrase) throws PGPException {
        return new JcePBESecretKeyDecryptorBuilder(new JcaPGPDigestCalculatorProviderBuilder().build())
                .build(passphrase.chars());
    }
}
