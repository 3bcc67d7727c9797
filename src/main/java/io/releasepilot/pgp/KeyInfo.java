package io.releasepilot.pgp;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a public key is, in our terms: fingerprint, algorithm and size, dates, revocation and user ids.
 *
 * @param algorithm "RSA", "DSA", "EdDSA", "ECDSA", … as gpg names them
 * @param expires   when the key expires (from its newest self-signature), if it does
 */
public record KeyInfo(Fingerprint fingerprint, String algorithm, int bits, Instant created,
                      Optional<Instant> expires, boolean revoked, List<String> userIds) {

    public KeyInfo {
        userIds = List.copyOf(userIds);
        expires = expires == null ? Optional.empty() : expires;
    }

    public String keyId() {
        return fingerprint.longKeyId();
    }

    public boolean isExpiredAt(Instant when) {
        return expires.map(e -> !e.isAfter(when)).orElse(false);
    }

    /** The first user id, or an empty string. */
    public String primaryUserId() {
        return userIds.isEmpty() ? "" : userIds.get(0);
    }

    public boolean hasApacheAddress() {
        return userIds.stream().anyMatch(u -> u.toLowerCase(java.util.Locale.ROOT).contains("@apache.org"));
    }
}
