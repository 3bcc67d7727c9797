package io.releasepilot.pgp;

import io.releasepilot.core.Passphrase;
import org.bouncycastle.bcpg.ArmoredInputStream;
import org.bouncycastle.bcpg.BCPGInputStream;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The app's own secret keys. Every secret key in it is passphrase-protected ({@link Protection}); keys come in
 * generated or imported, and are re-protected on import. Reading is strict: a damaged keyring is an error,
 * never half-read.
 */
public final class SecretKeyring {
    private final Map<Fingerprint, PGPSecretKeyRing> rings = new LinkedHashMap<>();

    public static SecretKeyring empty() {
        return new SecretKeyring();
    }

    /** Reads armored (or binary) secret key rings; fails on anything damaged. */
    public static SecretKeyring parse(byte[] data, String source) throws KeyringException {
        SecretKeyring keyring = new SecretKeyring();
        if (new String(data, StandardCharsets.ISO_8859_1).isBlank()) {
            return keyring;
        }
        try {
            for (PGPSecretKeyRing ring : readSecretRings(data)) {
                keyring.rings.put(Fingerprint.of(ring.getPublicKey().getFingerprint()), ring);
            }
            return keyring;
        } catch (IOException | PGPException | RuntimeException e) {
            throw new KeyringException(source + " is damaged: " + e.getMessage() + ".",
                    "Restore it from a backup, or move it aside to start a new keyring. It was left as it is.", e);
        }
    }

    static List<PGPSecretKeyRing> readSecretRings(byte[] data) throws IOException, PGPException {
        List<PGPSecretKeyRing> result = new ArrayList<>();
        String text = new String(data, StandardCharsets.ISO_8859_1);
        if (text.contains("-----BEGIN PGP")) {
            int from = 0;
            while (true) {
                int begin = text.indexOf("-----BEGIN PGP PRIVATE KEY BLOCK-----", from);
                if (begin < 0) {
                    break;
                }
                int end = text.indexOf("-----END PGP PRIVATE KEY BLOCK-----", begin);
                if (end < 0) {
                    throw new IOException("an armored block has no END line");
                }
                end += "-----END PGP PRIVATE KEY BLOCK-----".length();
                byte[] block = text.substring(begin, end).getBytes(StandardCharsets.ISO_8859_1);
                try (InputStream in = ArmoredInputStream.builder().build(new ByteArrayInputStream(block))) {
                    collect(in.readAllBytes(), result);
                }
                from = end;
            }
            if (result.isEmpty()) {
                throw new IOException("it holds no \"BEGIN PGP PRIVATE KEY BLOCK\"");
            }
        } else {
            collect(data, result);
        }
        return result;
    }

    private static void collect(byte[] binary, List<PGPSecretKeyRing> into) throws IOException, PGPException {
        BcPGPObjectFactory factory = new BcPGPObjectFactory(new BCPGInputStream(new ByteArrayInputStream(binary)));
        Object o;
        while ((o = factory.nextObject()) != null) {
            if (o instanceof PGPSecretKeyRing ring) {
                into.add(ring);
            } else if (!(o instanceof PGPPublicKeyRing)) {
                throw new PGPException("unexpected " + o.getClass().getSimpleName());
            }
        }
    }

    /** Armored, every key still protected by its passphrase. */
    public byte[] encode() throws KeyringException {
        try {
            return Armor.armor(out -> {
                for (PGPSecretKeyRing ring : rings.values()) {
                    ring.encode(out);
                }
            });
        } catch (IOException e) {
            throw new KeyringException("The keyring could not be written: " + e.getMessage(), "Try again.", e);
        }
    }

    public List<KeyInfo> keys() {
        List<KeyInfo> keys = new ArrayList<>();
        for (PGPSecretKeyRing ring : rings.values()) {
            keys.add(KeyInfos.of(publicRing(ring)));
        }
        return keys;
    }

    public boolean contains(Fingerprint fingerprint) {
        return rings.containsKey(fingerprint);
    }

    public Optional<KeyInfo> find(Fingerprint fingerprint) {
        return Optional.ofNullable(rings.get(fingerprint)).map(r -> KeyInfos.of(publicRing(r)));
    }

    /** Adds a key made by {@link KeyGeneration}. */
    public KeyInfo add(GeneratedKey key) throws KeyringException {
        try {
            for (PGPSecretKeyRing ring : readSecretRings(key.armoredSecretKey())) {
                rings.put(Fingerprint.of(ring.getPublicKey().getFingerprint()), ring);
            }
            return key.info();
        } catch (IOException | PGPException e) {
            throw new KeyringException("The new key could not be stored: " + e.getMessage(), "Try again.", e);
        }
    }

    /**
     * Imports every secret key in {@code data} (e.g. {@code gpg --export-secret-keys --armor}): each is
     * unlocked with {@code current} (ignored for an unprotected key) and protected again with {@code target}.
     */
    public List<KeyInfo> importSecret(byte[] data, Passphrase current, Passphrase target) throws KeyringException {
        List<PGPSecretKeyRing> found;
        try {
            found = readSecretRings(data);
        } catch (IOException | PGPException | RuntimeException e) {
            throw new KeyringException("The file holds no readable secret key: " + e.getMessage() + ".",
                    "Export it with gpg --export-secret-keys --armor KEYID > key.asc and import that file.", e);
        }
        List<KeyInfo> imported = new ArrayList<>();
        for (PGPSecretKeyRing ring : found) {
            PGPSecretKeyRing protectedRing = reprotect(ring, current, target);
            rings.put(Fingerprint.of(ring.getPublicKey().getFingerprint()), protectedRing);
            imported.add(KeyInfos.of(publicRing(protectedRing)));
        }
        return imported;
    }

    /**
     * Adds a key whose secret parts were read unprotected (from GnuPG's key files): each part is rebuilt as an
     * OpenPGP secret key protected with {@code target}.
     */
    KeyInfo addUnprotected(List<PGPSecretKey> keys, Passphrase target) throws KeyringException {
        try {
            var sha1 = new org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider()
                    .get(org.bouncycastle.bcpg.HashAlgorithmTags.SHA1);
            List<PGPSecretKey> rebuilt = new ArrayList<>();
            for (PGPSecretKey key : keys) {
                PGPPrivateKey privateKey = key.extractPrivateKey(null);
                rebuilt.add(new PGPSecretKey(privateKey, key.getPublicKey(), sha1, key.isMasterKey(),
                        Protection.encryptor(target)));
            }
            PGPSecretKeyRing ring = new PGPSecretKeyRing(rebuilt);
            rings.put(Fingerprint.of(ring.getPublicKey().getFingerprint()), ring);
            return KeyInfos.of(publicRing(ring));
        } catch (PGPException e) {
            throw new KeyringException("The key could not be stored: " + e.getMessage(),
                    "Export it with gpg --export-secret-keys --armor and import that file instead.", e);
        }
    }

    private static PGPSecretKeyRing reprotect(PGPSecretKeyRing ring, Passphrase current, Passphrase target)
            throws KeyringException {
        KeyInfo info = KeyInfos.of(publicRing(ring));
        try {
            List<PGPSecretKey> keys = new ArrayList<>();
            for (Iterator<PGPSecretKey> it = ring.getSecretKeys(); it.hasNext(); ) {
                PGPSecretKey key = it.next();
                if (key.isPrivateKeyEmpty()) {
                    throw new KeyringException("Key " + info.fingerprint().grouped() + " has no secret part here"
                            + " (it lives on a smartcard or token).", "Use the GnuPG signing backend for this key.");
                }
                var decryptor = key.getKeyEncryptionAlgorithm() == 0 || current == null ? null
                        : Protection.decryptor(current);
                try {
                    key.extractPrivateKey(decryptor);
                } catch (PGPException e) {
                    if (decryptor == null) {
                        throw new KeyringException("The secret part of key " + info.fingerprint().grouped()
                                + " cannot be read: " + e.getMessage(), "Export it with gpg --export-secret-keys"
                                + " --armor and import that file instead.", e);
                    }
                    throw new WrongPassphraseException(info);
                }
                keys.add(PGPSecretKey.copyWithNewPassword(key, decryptor, Protection.encryptor(target)));
            }
            return new PGPSecretKeyRing(keys);
        } catch (PGPException e) {
            throw new KeyringException("Key " + info.fingerprint().grouped() + " could not be protected: "
                    + e.getMessage(), "Try again.", e);
        }
    }

    /** The public key, armored, as {@code gpg --armor --export} gives it. */
    public byte[] exportPublic(Fingerprint fingerprint) throws KeyringException {
        PGPSecretKeyRing ring = require(fingerprint);
        try {
            return Armor.armor(publicRing(ring)::encode);
        } catch (IOException e) {
            throw new KeyringException("Export failed: " + e.getMessage(), "Try again.", e);
        }
    }

    /** The secret key, armored and still protected by its passphrase (for backup or for gpg --import). */
    public byte[] exportSecret(Fingerprint fingerprint) throws KeyringException {
        PGPSecretKeyRing ring = require(fingerprint);
        try {
            return Armor.armor(ring::encode);
        } catch (IOException e) {
            throw new KeyringException("Export failed: " + e.getMessage(), "Try again.", e);
        }
    }

    /** The {@code gpg --list-sigs} listing that goes above the key block in a KEYS file. */
    public String listing(Fingerprint fingerprint) throws KeyringException {
        return KeyListing.render(publicRing(require(fingerprint)));
    }

    /** Throws {@link WrongPassphraseException} unless {@code passphrase} unlocks the signing key. */
    public void checkPassphrase(Fingerprint fingerprint, Passphrase passphrase) throws KeyringException {
        unlock(fingerprint, passphrase);
    }

    /** The key unlocked by {@code passphrase}, ready to sign; keep it only for the signing run at hand. */
    public DetachedSigning unlockForSigning(Fingerprint fingerprint, Passphrase passphrase) throws KeyringException {
        PGPSecretKeyRing ring = require(fingerprint);
        PGPPrivateKey privateKey = unlock(fingerprint, passphrase);
        return new DetachedSigning(privateKey, ring.getSecretKey().getPublicKey());
    }

    private PGPPrivateKey unlock(Fingerprint fingerprint, Passphrase passphrase) throws KeyringException {
        PGPSecretKeyRing ring = require(fingerprint);
        KeyInfo info = KeyInfos.of(publicRing(ring));
        try {
            return ring.getSecretKey().extractPrivateKey(Protection.decryptor(passphrase));
        } catch (PGPException e) {
            throw new WrongPassphraseException(info);
        }
    }

    private PGPSecretKeyRing require(Fingerprint fingerprint) throws KeyringException {
        PGPSecretKeyRing ring = rings.get(fingerprint);
        if (ring == null) {
            throw new KeyringException("There is no key " + fingerprint.grouped() + " in Release Pilot's keyring.",
                    "Create or import the key first (release-pilot keys list shows what is there).");
        }
        return ring;
    }

    static PGPPublicKeyRing publicRing(PGPSecretKeyRing ring) {
        List<PGPPublicKey> keys = new ArrayList<>();
        ring.getPublicKeys().forEachRemaining(keys::add);
        return new PGPPublicKeyRing(keys);
    }

    /** Reads public keys from armored or binary data (for tests and KEYS previews). */
    static PGPPublicKeyRing readPublic(byte[] data) throws IOException {
        try (InputStream in = ArmoredInputStream.builder().build(new ByteArrayInputStream(data))) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return new PGPPublicKeyRing(bytes.toByteArray(), new BcKeyFingerprintCalculator());
        }
    }
}
