package io.releasepilot.pgp;

/** The outcome of checking one detached signature, spelled as the JSON report and the CLI spell it. */
public enum SignatureStatus {
    /** Made by a key in KEYS over exactly these bytes. */
    GOOD,
    /** Good, but the key has expired since (like gpg's EXPKEYSIG): a warning, not a failure. */
    GOOD_EXPIRED_KEY,
    /** The signature does not match the file. */
    BAD,
    /** The key that made it is not in the KEYS file. */
    UNKNOWN_KEY,
    /** Made by a key that has been revoked. */
    REVOKED_KEY,
    /** Not a readable ASCII-armored OpenPGP signature. */
    MALFORMED,
    /** There is no .asc file for the artifact. */
    MISSING,
    /** Not checked: no usable KEYS file (a local problem, not the candidate's). */
    NOT_CHECKED;

    /** True when the artifact may be released on this signature's strength. */
    public boolean isAcceptable() {
        return this == GOOD || this == GOOD_EXPIRED_KEY;
    }
}
