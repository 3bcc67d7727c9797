package io.releasepilot.pgp;

import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public keys read from a KEYS file (or any armored export), with the problems met while reading it.
 * Looks keys up by the key id a signature names, subkeys included.
 */
public final class KeyRingSet {
    private final String source;
    private final Map<Fingerprint, PGPPublicKeyRing> rings = new LinkedHashMap<>();
    private final Map<Long, PGPPublicKeyRing> byKeyId = new HashMap<>();
    private final List<String> problems = new ArrayList<>();

    KeyRingSet(String source) {
        this.source = source;
    }

    /** Adds a ring; a key seen before (the same key pasted twice) is merged into the first. */
    void add(PGPPublicKeyRing ring) {
        Fingerprint fpr = Fingerprint.of(ring.getPublicKey().getFingerprint());
        PGPPublicKeyRing existing = rings.get(fpr);
        PGPPublicKeyRing merged = ring;
        if (existing != null) {
            try {
                merged = PGPPublicKeyRing.join(existing, ring);
            } catch (org.bouncycastle.openpgp.PGPException | RuntimeException e) {
                merged = existing;
            }
        }
        rings.put(fpr, merged);
        for (PGPPublicKey key : merged) {
            byKeyId.put(key.getKeyID(), merged);
        }
    }

    void problem(String text) {
        problems.add(text);
    }

    /** The {@code gpg --list-sigs} style listing of one key, as it goes above the key block in a KEYS file. */
    public Optional<String> listing(Fingerprint fingerprint) {
        return Optional.ofNullable(rings.get(fingerprint)).map(KeyListing::render);
    }

    /** The file or label the keys came from, for messages. */
    public String source() {
        return source;
    }

    public List<KeyInfo> keys() {
        List<KeyInfo> keys = new ArrayList<>();
        for (PGPPublicKeyRing ring : rings.values()) {
            keys.add(KeyInfos.of(ring));
        }
        return keys;
    }

    /** What could not be read, each saying where (block and line) and why. */
    public List<String> problems() {
        return Collections.unmodifiableList(problems);
    }

    public boolean isEmpty() {
        return rings.isEmpty();
    }

    public int size() {
        return rings.size();
    }

    public boolean contains(Fingerprint fingerprint) {
        return rings.containsKey(fingerprint);
    }

    public Optional<KeyInfo> find(Fingerprint fingerprint) {
        return Optional.ofNullable(rings.get(fingerprint)).map(KeyInfos::of);
    }

    Optional<PGPPublicKeyRing> ringOf(long keyId) {
        return Optional.ofNullable(byKeyId.get(keyId));
    }
}
