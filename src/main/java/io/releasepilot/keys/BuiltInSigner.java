package io.releasepilot.keys;

import io.releasepilot.core.Passphrase;
import io.releasepilot.pgp.DetachedSigning;
import io.releasepilot.pgp.Fingerprint;
import io.releasepilot.pgp.KeyringException;
import io.releasepilot.pgp.SecretKeyring;

import java.util.function.Supplier;

/**
 * Signs with a key of the app's keyring. The passphrase is asked from {@code passphrases} when a signature
 * starts, used to unlock the key, and cleared at once.
 */
public final class BuiltInSigner implements Signer {
    private final SecretKeyring keyring;
    private final Fingerprint fingerprint;
    private final Supplier<Passphrase> passphrases;

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

    @Override
    public Session start() throws KeyringException {
        DetachedSigning signing;
        try (Passphrase passphrase = passphrases.get()) {
            signing = keyring.startSigning(fingerprint, passphrase);
        }
        return new Session() {
            @Override
            public void update(byte[] data, int off, int len) {
                signing.update(data, off, len);
            }

            @Override
            public byte[] finish() throws KeyringException {
                return signing.finish();
            }

            @Override
            public void close() {
                // nothing held outside memory
            }
        };
    }
}
