package io.releasepilot.keys;

import io.releasepilot.pgp.Fingerprint;
import io.releasepilot.pgp.KeyringException;

/**
 * Makes detached ASCII-armored signatures with one key. Two backends: the built-in keyring
 * ({@link BuiltInSigner}) and the user's GnuPG with its agent ({@link GnuPgSigner}), for keys on smartcards.
 * A session receives the bytes as they are read, so an artifact is read once for its signature and checksums.
 */
public interface Signer {

    Fingerprint fingerprint();

    /** "built-in keyring" or "GnuPG (gpg 2.2.40)", for the user. */
    String backend();

    Session start() throws KeyringException;

    /** One signature being made. */
    interface Session extends AutoCloseable {
        void update(byte[] data, int off, int len) throws KeyringException;

        /** The armored signature, the content of the .asc file. */
        byte[] finish() throws KeyringException;

        /** Abandons the signature (after a failure or a cancel). */
        @Override
        void close();
    }
}
