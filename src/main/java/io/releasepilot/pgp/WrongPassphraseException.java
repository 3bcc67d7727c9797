package io.releasepilot.pgp;

/** The passphrase does not unlock the key. Names the key, never the passphrase. */
public final class WrongPassphraseException extends KeyringException {
    private static final long serialVersionUID = 1L;

    public WrongPassphraseException(KeyInfo key) {
        this(key.fingerprint(), key.primaryUserId());
    }

    public WrongPassphraseException(Fingerprint key, String userId) {
        super("The passphrase for key " + key.grouped() + (userId.isEmpty() ? "" : " (" + userId + ")")
                + " is not right.",
                "Type the passphrase you chose when the key was made (it is case-sensitive). Nothing was changed.");
    }
}
