package io.releasepilot.keys;

import io.releasepilot.core.Passphrase;
import io.releasepilot.pgp.DetachedSigning;
import io.releasepilot.pgp.Fingerprint;
import io.releasepilot.pgp.KeyringException;
import io.releasepilot.pgp.SecretKeyring;

import java.security.MessageDigest;
import java.util.function.Supplier;

/**
 * Signs with a key of the app's keyring. The passphrase is asked from {@code passphrases} once, at the first
 * signature, used to unlock the key and cleared at once; the unlocked key lives in memory for this signer only.
 */
public final class BuiltInSigner implements Signer {
    private final SecretKeyring keyring;
    private final Fingerprint fingerprint;
    private final Supplier<Passphrase> passphrases;
    private DetachedSigning unlocked;

    public BuiltInSigner(SecretKeyring keyring, Fingerprint fingerprint, Supplier<Passphrase> passphrases) {
        this.keyring = keyring;
        this.fingerprint = fingerprint;
        this.passphrases = passphrases;
    }

    @Override
    public Fingerprint fingerprint() {
        return fingerprint;
    }

    @Override
    public String backend() {
        return "built-in keyring";
    }

    private synchronized DetachedSigning unlocked() throws KeyringException {
        if (unlocked == null) {
            try (Passphrase passphrase = passphrases.get()) {
                unlocked = keyring.unlockForSigning(fingerprint, passphrase);
            }
        }
        return unlocked;
    }

    @Override
    public Session start() throws KeyringException {
        DetachedSigning signing = unlocked();
        return new Session() {
            @Override
            public boolean needsData() {
                return false;
            }

            @Override
            public void update(byte[] data, int off, int len) {
                // signs from the SHA-512 digest given to finish
            }

            @Override
            public byte[] finish(MessageDigest sha512) throws KeyringException {
                return signing.sign(sha512);
            }

            @Override
            public void close() {
                // nothing held outside memory
            }
        };
    }
}
