package io.releasepilot.keys;

import io.releasepilot.pgp.Fingerprint;
import io.releasepilot.pgp.KeyringException;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Makes detached ASCII-armored SHA-512 signatures with one key. Two backends: the built-in keyring
 * ({@link BuiltInSigner}), which signs from the SHA-512 digest the caller computes anyway for the .sha512 file,
 * and the user's GnuPG with its agent ({@link GnuPgSigner}), for keys on smartcards, which reads the bytes.
 */
public interface Signer {

    Fingerprint fingerprint();

    /** "built-in keyring" or "GnuPG (gpg)", for the user. */
    String backend();

    Session start() throws KeyringException;

    /** Signs small data in memory (a tag, a test). */
    default byte[] sign(byte[] data) throws KeyringException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        md.update(data);
        try (Session session = start()) {
            if (session.needsData()) {
                session.update(data, 0, data.length);
            }
            return session.finish(md);
        }
    }

    /** One signature being made. */
    interface Session extends AutoCloseable {
        /** True when the bytes must be passed to {@link #update}; false when the SHA-512 digest suffices. */
        boolean needsData();

        void update(byte[] data, int off, int len) throws KeyringException;

        /**
         * The armored signature, the content of the .asc file. {@code sha512} is the SHA-512 digest of exactly
         * the bytes signed, not yet finished; it is not changed.
         */
        byte[] finish(MessageDigest sha512) throws KeyringException;

        /** Abandons the signature (after a failure or a cancel). */
        @Override
        void close();
    }
}
