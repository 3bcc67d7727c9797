package io.releasepilot.pgp;

/**
 * A new key: its description, the secret key ring (passphrase-protected, armored), and a revocation
 * certificate (armored), to be kept safe in case the key is ever lost or stolen.
 */
public record GeneratedKey(KeyInfo info, byte[] armoredSecretKey, byte[] revocationCertificate) {
    @Override
    public String toString() {
        return "GeneratedKey[" + info.fingerprint() + "]";
    }
}
