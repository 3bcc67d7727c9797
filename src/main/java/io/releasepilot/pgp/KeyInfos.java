package io.releasepilot.pgp;

import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** Turns Bouncy Castle keys into our {@link KeyInfo}. */
final class KeyInfos {
    private KeyInfos() {
    }

    static KeyInfo of(PGPPublicKeyRing ring) {
        PGPPublicKey primary = ring.getPublicKey();
        List<String> uids = new ArrayList<>();
        for (Iterator<byte[]> it = primary.getRawUserIDs(); it.hasNext(); ) {
            uids.add(new String(it.next(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return new KeyInfo(Fingerprint.of(primary.getFingerprint()), PgpNames.keyAlgorithm(primary.getAlgorithm()),
                primary.getBitStrength(), primary.getCreationTime().toInstant(), expiry(primary),
                primary.hasRevocation(), uids);
    }

    static Optional<Instant> expiry(PGPPublicKey key) {
        long valid;
        try {
            valid = key.getValidSeconds();
        } catch (RuntimeException e) {
            valid = 0;
        }
        return valid <= 0 ? Optional.empty()
                : Optional.of(key.getCreationTime().toInstant().plusSeconds(valid));
    }
}
