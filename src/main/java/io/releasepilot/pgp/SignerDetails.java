package io.releasepilot.pgp;

import java.time.Instant;

/**
 * Who made a signature and how: the primary key's fingerprint and user id, the id of the (sub)key that signed,
 * when, and with which algorithms.
 */
public record SignerDetails(Fingerprint fingerprint, String keyId, String userId, boolean apacheAddress,
                            Instant created, String hashAlgorithm, String keyAlgorithm, int keyBits) {
}
