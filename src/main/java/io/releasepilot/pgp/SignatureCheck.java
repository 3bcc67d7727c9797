package io.releasepilot.pgp;

import java.util.Optional;

/**
 * The verdict on one detached signature. Each kind keeps its reason; details are there whenever the signature
 * could be read and its key found.
 */
public sealed interface SignatureCheck {

    SignatureStatus status();

    /** One sentence for the user: what was found and, for a failure, what it means. */
    String message();

    default Optional<SignerDetails> details() {
        return Optional.empty();
    }

    record Good(SignerDetails signer) implements SignatureCheck {
        public SignatureStatus status() {
            return SignatureStatus.GOOD;
        }

        public String message() {
            return "Good signature by " + signer.userId() + " (" + signer.fingerprint().grouped() + ")";
        }

        public Optional<SignerDetails> details() {
            return Optional.of(signer);
        }
    }

    record GoodExpiredKey(SignerDetails signer, java.time.Instant expired) implements SignatureCheck {
        public SignatureStatus status() {
            return SignatureStatus.GOOD_EXPIRED_KEY;
        }

        public String message() {
            return "Good signature by " + signer.userId() + ", made while the key was valid; the key expired on "
                    + expired + ". Ask the release manager to extend the key's expiry and update KEYS.";
        }

        public Optional<SignerDetails> details() {
            return Optional.of(signer);
        }
    }

    record Bad(SignerDetails signer, String reason) implements SignatureCheck {
        public SignatureStatus status() {
            return SignatureStatus.BAD;
        }

        public String message() {
            return "BAD signature: " + reason;
        }

        public Optional<SignerDetails> details() {
            return Optional.ofNullable(signer);
        }
    }

    /**
     * Made by a key the KEYS file lacks.
     *
     * @param keyId             the issuer's long key id (16 hex digits)
     * @param issuerFingerprint the issuer fingerprint the signature carries (hex), or "" when it carries none
     */
    record UnknownKey(String keyId, String issuerFingerprint, String keysSource) implements SignatureCheck {
        public UnknownKey {
            issuerFingerprint = issuerFingerprint == null ? "" : issuerFingerprint;
        }

        public SignatureStatus status() {
            return SignatureStatus.UNKNOWN_KEY;
        }

        public String message() {
            String who = issuerFingerprint.isEmpty() ? "key " + keyId
                    : "key " + keyId + " (fingerprint " + Fingerprint.parse(issuerFingerprint).grouped() + ")";
            return "Signed by " + who + ", which the KEYS file (" + keysSource + ") does not contain. The"
                    + " release manager must add the key to the project's KEYS file.";
        }
    }

    /** Not checked at all: there was no usable KEYS file, so no verdict can be given either way. */
    record NotChecked(String reason) implements SignatureCheck {
        public SignatureStatus status() {
            return SignatureStatus.NOT_CHECKED;
        }

        public String message() {
            return "Not checked: " + reason;
        }
    }

    record RevokedKey(SignerDetails signer) implements SignatureCheck {
        public SignatureStatus status() {
            return SignatureStatus.REVOKED_KEY;
        }

        public String message() {
            return "The signature matches, but key " + signer.fingerprint().grouped() + " (" + signer.userId()
                    + ") has been revoked; it must not be used to sign releases.";
        }

        public Optional<SignerDetails> details() {
            return Optional.of(signer);
        }
    }

    record Malformed(String reason) implements SignatureCheck {
        public SignatureStatus status() {
            return SignatureStatus.MALFORMED;
        }

        public String message() {
            return "The signature file cannot be read: " + reason;
        }
    }

    record Missing(String expectedFile) implements SignatureCheck {
        public SignatureStatus status() {
            return SignatureStatus.MISSING;
        }

        public String message() {
            return "There is no " + expectedFile + "; every artifact needs a detached ASCII-armored signature.";
        }
    }
}
