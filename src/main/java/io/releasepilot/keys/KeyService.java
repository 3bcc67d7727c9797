package io.releasepilot.keys;

import io.releasepilot.core.AppHome;
import io.releasepilot.core.CancelledException;
import io.releasepilot.core.Passphrase;
import io.releasepilot.core.Progress;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.pgp.Fingerprint;
import io.releasepilot.pgp.GeneratedKey;
import io.releasepilot.pgp.GnuPgHome;
import io.releasepilot.pgp.KeyGeneration;
import io.releasepilot.pgp.KeyInfo;
import io.releasepilot.pgp.KeyRingSet;
import io.releasepilot.pgp.KeysReader;
import io.releasepilot.pgp.KeySpec;
import io.releasepilot.pgp.KeyringException;
import io.releasepilot.pgp.SecretKeyring;
import io.releasepilot.pgp.UnreadableKeyFileException;
import io.releasepilot.release.KeyOutputs;
import io.releasepilot.release.RecordService;
import io.releasepilot.release.StepId;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The Keys step's services, shared by the GUI and the CLI: make, list, import, export keys, and add a key to a
 * KEYS file. Every change to the keyring is saved at once (atomically, owner-only).
 */
public final class KeyService {
    private final KeyStore store;

    public KeyService(AppHome home) {
        this(home, null);
    }

    /** {@code onWait} hears when another Release Pilot is writing the keyring and this one waits for it. */
    public KeyService(AppHome home, java.util.function.Consumer<String> onWait) {
        this.store = new KeyStore(home, onWait);
    }

    public KeyStore store() {
        return store;
    }

    /** A new key; returns it with the path of its saved revocation certificate. */
    public record Created(KeyInfo key, Path revocationCertificate) {
    }

    public Created generate(KeySpec spec, Passphrase passphrase, Progress progress)
            throws KeyringException, CancelledException {
        store.load();
        GeneratedKey key = KeyGeneration.generate(spec, passphrase, progress);
        progress.checkCancelled("Key generation");
        Path revocation = store.addGenerated(key);
        return new Created(key.info(), revocation);
    }

    public List<KeyInfo> list() throws KeyringException {
        return store.load().keys();
    }

    public byte[] exportPublic(Fingerprint fingerprint) throws KeyringException {
        return store.load().exportPublic(fingerprint);
    }

    public byte[] exportSecret(Fingerprint fingerprint) throws KeyringException {
        return store.load().exportSecret(fingerprint);
    }

    /** Imports the secret keys of an armored export; {@code current} unlocks them, {@code target} protects them. */
    public List<KeyInfo> importFile(Path file, Passphrase current, Passphrase target) throws ReleasePilotException {
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (IOException e) {
            throw io.releasepilot.core.IoErrors.failure("Could not read the key file", file, e);
        }
        return store.update(keyring -> keyring.importSecret(data, current, target));
    }

    public List<GnuPgHome.Entry> listGnuPg(Path gnupgHome) throws KeyringException {
        return new GnuPgHome(gnupgHome).list();
    }

    /**
     * Imports a key from a GnuPG home. Key files the OpenPGP library cannot read (gpg 2.2's OCB-protected or
     * elliptic-curve keys) are exported by the user's own gpg instead, with {@code current} as the passphrase.
     */
    public KeyInfo importGnuPg(Path gnupgHome, Fingerprint key, Passphrase current, Passphrase target)
            throws KeyringException {
        return store.update(keyring -> {
            try {
                return new GnuPgHome(gnupgHome).importInto(keyring, key, current, target);
            } catch (UnreadableKeyFileException e) {
                byte[] armored = GnuPgExport.exportSecret(gnupgHome, key, current);
                return keyring.importSecret(armored, current, target).stream()
                        .filter(k -> k.fingerprint().equals(key)).findFirst()
                        .orElseThrow(() -> new KeyringException("gpg's export did not hold key " + key.grouped()
                                + ".", "Export it with gpg --export-secret-keys --armor and import that file."));
            }
        });
    }

    /** The KEYS entry for a key of the keyring: listing plus armored public key. */
    public String keysEntry(Fingerprint fingerprint) throws KeyringException {
        SecretKeyring keyring = store.load();
        return KeysFileUpdate.entry(keyring.listing(fingerprint), keyring.exportPublic(fingerprint));
    }

    /**
     * The KEYS entry of the chosen key: for a key kept in GnuPG, gpg's own export (from the choice's GnuPG home)
     * under its {@code --list-sigs} style listing; else from Release Pilot's keyring.
     */
    public String keysEntry(SigningChoice choice) throws KeyringException {
        if (!choice.gnupg()) {
            return keysEntry(choice.fingerprint());
        }
        Fingerprint fpr = choice.fingerprint();
        byte[] armored = GnuPgExport.exportPublic(choice.gnupgHome(), fpr);
        String listing = KeysReader.parse(new String(armored, java.nio.charset.StandardCharsets.US_ASCII),
                "gpg --export " + fpr.hex()).listing(fpr).orElseThrow(() -> new KeyringException("gpg exported no"
                + " public key " + fpr.grouped() + ".", "Check gpg --list-keys " + fpr.hex()
                + (choice.gnupgHome() == null ? "" : " --homedir " + choice.gnupgHome()) + "."));
        return KeysFileUpdate.entry(listing, armored);
    }

    public KeysFileUpdate.Preview previewKeysAppend(Path keysFile, Fingerprint fingerprint)
            throws ReleasePilotException {
        return KeysFileUpdate.preview(keysFile, fingerprint, keysEntry(fingerprint));
    }

    public void checkPassphrase(Fingerprint fingerprint, Passphrase passphrase) throws KeyringException {
        store.load().checkPassphrase(fingerprint, passphrase);
    }

    /** A signer through the user's GnuPG ({@code gnupgHome} null: the default home). */
    public Signer gnupgSigner(Fingerprint fingerprint, Path gnupgHome) {
        return new GnuPgSigner(fingerprint, "gpg", gnupgHome);
    }

    /** The public key of {@code signer}, to check its signatures against. */
    public KeyRingSet publicKeys(Signer signer, Path gnupgHome) throws KeyringException {
        byte[] armored = signer instanceof GnuPgSigner ? GnuPgExport.exportPublic(gnupgHome, signer.fingerprint())
                : exportPublic(signer.fingerprint());
        return KeysReader.parse(new String(armored, java.nio.charset.StandardCharsets.US_ASCII),
                signer.fingerprint().grouped());
    }

    /** A signer for a key of the app's keyring; the passphrase is asked when a signature starts. */
    public Signer builtInSigner(Fingerprint fingerprint, Supplier<Passphrase> passphrases) throws KeyringException {
        return new BuiltInSigner(store::load, fingerprint, passphrases);
    }

    /**
     * The signer a release uses, for its artifacts and its RC tag alike: GnuPG (its agent asks for the
     * passphrase, smartcards work) or the built-in keyring ({@code passphrases} is asked when a signature starts).
     */
    public Signer signer(SigningChoice choice, Supplier<Passphrase> passphrases) throws KeyringException {
        return choice.gnupg() ? gnupgSigner(choice.fingerprint(), choice.gnupgHome())
                : builtInSigner(choice.fingerprint(), passphrases);
    }

    /** The public key of the chosen signer, to check its signatures against. */
    public KeyRingSet publicKeys(SigningChoice choice) throws KeyringException {
        return choice.gnupg() ? KeysReader.parse(new String(GnuPgExport.exportPublic(choice.gnupgHome(),
                choice.fingerprint()), java.nio.charset.StandardCharsets.US_ASCII), choice.fingerprint().grouped())
                : KeysReader.parse(new String(exportPublic(choice.fingerprint()),
                java.nio.charset.StandardCharsets.US_ASCII), choice.fingerprint().grouped());
    }

    /**
     * Makes {@code choice} the release's signing key: the profile records the key and backend, and the key step
     * is recorded DONE with the key's user id. A built-in key must be in the keyring.
     */
    public KeyOutputs useForRelease(RecordService records, SigningChoice choice) throws ReleasePilotException {
        String userId = "";
        if (!choice.gnupg()) {
            userId = list().stream().filter(k -> k.fingerprint().equals(choice.fingerprint())).findFirst()
                    .map(KeyInfo::primaryUserId)
                    .orElseThrow(() -> new KeyringException("Key " + choice.fingerprint().grouped()
                            + " is not in Release Pilot's keyring.", "Create it or import it first (keys list shows"
                            + " the keys there), or sign through GnuPG with --gpg."));
        } else {
            userId = listGnuPg(choice.gnupgHome()).stream().map(GnuPgHome.Entry::key)
                    .filter(k -> k.fingerprint().equals(choice.fingerprint())).findFirst().map(KeyInfo::primaryUserId).orElseThrow(() -> new KeyringException("Key "
                            + choice.fingerprint().grouped() + " is not in the GnuPG home" + (choice.gnupgHome() == null
                            ? "" : " " + choice.gnupgHome()) + ".", "Run gpg --list-secret-keys to see its keys."));
        }
        records.saveProfile(choice.applyTo(records.load().profile()));
        KeyOutputs outputs = new KeyOutputs(choice.fingerprint().hex(), choice.backend(), userId);
        records.done(StepId.KEY, outputs);
        return outputs;
    }

    /** The armored public key of a GnuPG key, exported by the user's gpg. */
    public byte[] exportPublicFromGnuPg(SigningChoice choice) throws KeyringException {
        return GnuPgExport.exportPublic(choice.gnupgHome(), choice.fingerprint());
    }

    /**
     * A warning for an RSA or DSA key below 4096 bits, the size the ASF asks for new release signing keys; empty
     * for a 4096-bit (or larger) key and for elliptic-curve keys.
     */
    public static java.util.Optional<String> sizeWarning(KeyInfo key) {
        boolean classic = "RSA".equals(key.algorithm()) || "DSA".equals(key.algorithm());
        if (!classic || key.bits() >= io.releasepilot.pgp.KeySpec.DEFAULT_BITS) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("Key " + key.fingerprint().grouped() + " is a " + key.bits() + "-bit "
                + key.algorithm() + " key; the ASF asks for RSA " + io.releasepilot.pgp.KeySpec.DEFAULT_BITS
                + " for release signing keys. It still signs, but consider creating a 4096-bit key and adding"
                + " that to KEYS.");
    }
}
