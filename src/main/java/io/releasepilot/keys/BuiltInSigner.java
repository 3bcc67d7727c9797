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
    /** Loads the keyring; called on the unlocking thread. */
    public interface KeyringSource {
        SecretKeyring load() throws KeyringException;
    }

    private final KeyringSource keyring;
    private final Fingerprint fingerprint;
    private final Supplier<Passphrase> passphrases;
    private java.util.concurrent.CompletableFuture<DetachedSigning> unlocking;

    public BuiltInSigner(SecretKeyring keyring, Fingerprint fingerprint, Supplier<Passphrase> passphrases) {
        this(() -> keyring, fingerprint, passphrases);
    }

    /** The keyring is loaded, and the key unlocked, on another thread while the caller starts reading. */
    public BuiltInSigner(KeyringSource keyring, Fingerprint fingerprint, Supplier<Passphrase> passphrases) {
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

    /**
     * Unlocking (a deliberately slow passphrase hash) runs on another thread while the caller reads and hashes
     * the artifact; it happens once per signer.
     */
    private synchronized java.util.concurrent.CompletableFuture<DetachedSigning> unlocking() {
        if (unlocking == null) {
            Passphrase passphrase = passphrases.get();
            unlocking = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try (passphrase) {
                    SecretKeyring ring = keyring.load();
                    if (!ring.contains(fingerprint)) {
                        throw new KeyringException("There is no key " + fingerprint.grouped()
                                + " in Release Pilot's keyring.", "Import it, or sign with GnuPG to use your gpg keys.");
                    }
                    return ring.unlockForSigning(fingerprint, passphrase);
                } catch (KeyringException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
        }
        return unlocking;
    }

    private static DetachedSigning await(java.util.concurrent.CompletableFuture<DetachedSigning> future)
            throws KeyringException {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof KeyringException k) {
                throw k;
            }
            throw e;
        }
    }

    @Override
    public Session start() throws KeyringException {
        java.util.concurrent.CompletableFuture<DetachedSigning> signing = unlocking();
        return new Session() {
            @Override
            public boolean needsData() {
                return false;
            }

            @Override
            public void update(byte[] data, int off, int len) throws KeyringException {
                // Signs from the SHA-512 digest given to finish; a wrong passphrase is reported as soon as known.
                if (signing.isCompletedExceptionally()) {
                    await(signing);
                }
            }

            @Override
            public byte[] finish(MessageDigest sha512) throws KeyringException {
                return await(signing).sign(sha512);
            }

            @Override
            public void close() {
                // nothing held outside memory
            }
        };
    }
}
