package io.releasepilot.pgp;

/** GnuPG's file for a secret key is in a form the OpenPGP library cannot read; gpg itself can export it. */
public final class UnreadableKeyFileException extends KeyringException {
    private static final long serialVersionUID = 1L;

    public UnreadableKeyFileException(String message, String fix, Throwable cause) {
        super(message, fix, cause);
    }
}
