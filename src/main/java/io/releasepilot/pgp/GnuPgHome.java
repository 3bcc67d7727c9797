package io.releasepilot.pgp;

import io.releasepilot.core.Passphrase;
import org.bouncycastle.gpg.PGPSecretKeyParser;
import org.bouncycastle.gpg.keybox.KeyBlob;
import org.bouncycastle.gpg.keybox.PublicKeyRingBlob;
import org.bouncycastle.gpg.keybox.bc.BcKeyBox;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.jcajce.JcePBEProtectionRemoverFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads the keys of a GnuPG home folder ({@code ~/.gnupg}): public keys from {@code pubring.kbx} (or the old
 * {@code pubring.gpg}), secret keys from {@code private-keys-v1.d/<keygrip>.key}, protected or not.
 */
public final class GnuPgHome {
    private final Path home;

    public GnuPgHome(Path home) {
        this.home = home;
    }

    /** A key found in the home folder, and whether its secret part is there too. */
    public record Entry(KeyInfo key, boolean hasSecret) {
    }

    public List<Entry> list() throws KeyringException {
        List<Entry> entries = new ArrayList<>();
        for (PGPPublicKeyRing ring : publicRings()) {
            entries.add(new Entry(KeyInfos.of(ring), Files.isRegularFile(keyFile(ring.getPublicKey()))));
        }
        return entries;
    }

    /**
     * Copies key {@code fingerprint} with its secret parts into {@code keyring}: unlocked with {@code gpgPassphrase}
     * (ignored for unprotected keys), protected with {@code target}.
     */
    public KeyInfo importInto(SecretKeyring keyring, Fingerprint fingerprint, Passphrase gpgPassphrase,
                              Passphrase target) throws KeyringException {
        PGPPublicKeyRing ring = publicRings().stream()
                .filter(r -> Fingerprint.of(r.getPublicKey().getFingerprint()).equals(fingerprint)).findFirst()
                .orElseThrow(() -> new KeyringException("There is no key " + fingerprint.grouped() + " in " + home + ".",
                        "Run gpg --list-secret-keys to see the keys there."));
        KeyInfo info = KeyInfos.of(ring);
        List<PGPSecretKey> secrets = new ArrayList<>();
        for (PGPPublicKey key : ring) {
            Path file = keyFile(key);
            if (!Files.isRegularFile(file)) {
                if (key.isMasterKey()) {
                    throw new KeyringException("The secret part of key " + fingerprint.grouped() + " is not in " + home
                            + " (it may live on a smartcard).", "Use the GnuPG signing backend for this key.");
                }
                continue;
            }
            secrets.add(readSecret(file, key, gpgPassphrase, info));
        }
        return keyring.addUnprotected(secrets, target);
    }

    private PGPSecretKey readSecret(Path file, PGPPublicKey key, Passphrase passphrase, KeyInfo info)
            throws KeyringException {
        char[] chars = passphrase == null || passphrase.isEmpty() ? new char[0] : passphrase.chars();
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            var data = PGPSecretKeyParser.parse(in, 10);
            return data.getKeyData(key, new BcPGPDigestCalculatorProvider(),
                    new JcePBEProtectionRemoverFactory(chars, new BcPGPDigestCalculatorProvider()),
                    new BcKeyFingerprintCalculator(), 10);
        } catch (PGPException e) {
            // The library cannot tell a wrong passphrase from a protection it does not support (gpg 2.2 uses
            // AES-OCB); gpg itself can, so the caller lets gpg export the key.
            throw new UnreadableKeyFileException("Release Pilot cannot read GnuPG's own file for key "
                    + info.fingerprint().grouped() + " (" + file.getFileName() + "): " + e.getMessage(),
                    "Export it with gpg --export-secret-keys --armor " + info.fingerprint().hex()
                            + " > key.asc and import that file instead.", e);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableKeyFileException("Could not read " + file + ": " + e.getMessage(),
                    "Export the key with gpg --export-secret-keys --armor and import that file instead.", e);
        }
    }

    /**
     * The file of a key's secret part. gpg names it by the key's keygrip; rather than recompute that (Bouncy
     * Castle's differs for some keys), find the file that holds the key's public value, which gpg's key files
     * carry in clear.
     */
    private Path keyFile(PGPPublicKey key) {
        return byPublicValue(home.resolve("private-keys-v1.d"), key);
    }

    private static Path byPublicValue(Path dir, PGPPublicKey key) {
        byte[] value = publicValue(key);
        Path none = dir.resolve("no-such-key.key");
        if (value.length == 0 || !Files.isDirectory(dir)) {
            return none;
        }
        String hex = HexFormat.of().formatHex(value);
        try (var files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                byte[] bytes = Files.readAllBytes(file);
                String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
                if (text.replaceAll("\\s+", "").toLowerCase(java.util.Locale.ROOT).contains(hex)
                        || indexOf(bytes, value) >= 0) {
                    return file;
                }
            }
        } catch (IOException e) {
            return none;
        }
        return none;
    }

    private static byte[] publicValue(PGPPublicKey key) {
        var k = key.getPublicKeyPacket().getKey();
        java.math.BigInteger v;
        if (k instanceof org.bouncycastle.bcpg.ECPublicBCPGKey ec) {
            v = ec.getEncodedPoint();
        } else if (k instanceof org.bouncycastle.bcpg.RSAPublicBCPGKey rsa) {
            v = rsa.getModulus();
        } else if (k instanceof org.bouncycastle.bcpg.DSAPublicBCPGKey dsa) {
            v = dsa.getY();
        } else {
            return new byte[0];
        }
        return org.bouncycastle.util.BigIntegers.asUnsignedByteArray(v);
    }

    private static int indexOf(byte[] data, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= data.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (data[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private List<PGPPublicKeyRing> publicRings() throws KeyringException {
        Path kbx = home.resolve("pubring.kbx");
        Path gpg = home.resolve("pubring.gpg");
        List<PGPPublicKeyRing> rings = new ArrayList<>();
        try {
            if (Files.isRegularFile(kbx)) {
                for (KeyBlob blob : new BcKeyBox(Files.readAllBytes(kbx)).getKeyBlobs()) {
                    if (blob instanceof PublicKeyRingBlob ring) {
                        rings.add(ring.getPGPPublicKeyRing());
                    }
                }
            } else if (Files.isRegularFile(gpg)) {
                new PGPPublicKeyRingCollection(Files.readAllBytes(gpg), new BcKeyFingerprintCalculator())
                        .forEach(rings::add);
            } else {
                throw new KeyringException(home + " has no pubring.kbx or pubring.gpg; it is not a GnuPG home folder.",
                        "Choose your GnuPG folder, usually ~/.gnupg.");
            }
        } catch (IOException e) {
            throw new KeyringException("Could not read the keys in " + home + ": "
                    + io.releasepilot.core.IoErrors.reason(e) + ".", io.releasepilot.core.IoErrors.fix(e, home)
                    + " Or export the key with gpg --export-secret-keys --armor and import that file.", e);
        } catch (PGPException | RuntimeException e) {
            throw new KeyringException("Could not read the keys in " + home + ": " + e.getMessage(),
                    "Check the folder, or export the key with gpg --export-secret-keys --armor instead.", e);
        }
        return rings;
    }
}
