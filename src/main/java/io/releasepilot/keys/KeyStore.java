package io.releasepilot.keys;

import io.releasepilot.core.AppHome;
import io.releasepilot.core.AtomicFiles;
import io.releasepilot.core.DataFileException;
import io.releasepilot.core.FileLocks;
import io.releasepilot.core.IoErrors;
import io.releasepilot.pgp.Fingerprint;
import io.releasepilot.pgp.GeneratedKey;
import io.releasepilot.pgp.KeyringException;
import io.releasepilot.pgp.SecretKeyring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Consumer;

/**
 * Where the app keeps secret keys: {@code <home>/keys/secret-keys.asc}, every key passphrase-protected, the file
 * readable by its owner only, written atomically. Revocation certificates go to {@code <home>/keys/revocations/}.
 * A keyring that cannot be read is reported and never overwritten. Every change holds a lock on the keyring
 * across reading and writing it, so two Release Pilots changing it at once both keep their keys.
 */
public final class KeyStore {
    private final AppHome home;
    private final Path dir;
    private final Consumer<String> onWait;
    private boolean damaged;

    public KeyStore(AppHome home) {
        this(home, null);
    }

    /** {@code onWait} hears "Waiting for another Release Pilot…" when another process is writing the keyring. */
    public KeyStore(AppHome home, Consumer<String> onWait) {
        this.home = home;
        this.dir = home.dir().resolve("keys");
        this.onWait = onWait;
    }

    /** A change to the keyring, made on a fresh read of it under the lock. */
    @FunctionalInterface
    public interface Change<T> {
        T apply(SecretKeyring keyring) throws KeyringException;
    }

    /** Locks the keyring, re-reads it, applies {@code change} and saves it; other writers wait. */
    public <T> T update(Change<T> change) throws KeyringException {
        return locked(() -> {
            SecretKeyring keyring = load();
            T result = change.apply(keyring);
            save(keyring);
            return result;
        });
    }

    /**
     * Adds a new key and saves its revocation certificate together: both files are written, or neither (a
     * retry after a failure then makes one key, not two). Returns the revocation certificate's path.
     */
    public Path addGenerated(GeneratedKey key) throws KeyringException {
        Fingerprint fpr = key.info().fingerprint();
        return locked(() -> {
            SecretKeyring keyring = load();
            keyring.add(key);
            refuseIfDamaged();
            Path revocation = revocationFile(fpr);
            try (AtomicFiles.Group group = AtomicFiles.group()) {
                ensurePrivateDir(dir);
                ensurePrivateDir(revocation.getParent());
                group.write(keyringFile(), keyring.encode(), true);
                group.write(revocation, revocationText(fpr, key.info().primaryUserId(), key.revocationCertificate()),
                        true);
                group.commit();
            } catch (IOException e) {
                throw new KeyringException("Could not save the new key to " + keyringFile() + " and its revocation"
                        + " certificate: " + IoErrors.reason(e) + ". Neither was saved; the keyring is unchanged.",
                        IoErrors.fix(e, dir), e);
            }
            return revocation;
        });
    }

    private void requireHomeFolder() throws KeyringException {
        try {
            home.requireFolder();
        } catch (DataFileException e) {
            throw new KeyringException(e.getMessage(), e.fix(), e);
        }
    }

    private <T> T locked(FileLocks.Action<T, KeyringException> action) throws KeyringException {
        requireHomeFolder();
        try {
            return FileLocks.withLock(keyringFile(), onWait, action);
        } catch (DataFileException e) {
            throw new KeyringException(e.getMessage(), e.fix(), e);
        }
    }

    public Path keyringFile() {
        return dir.resolve("secret-keys.asc");
    }

    public Path revocationFile(Fingerprint fingerprint) {
        return dir.resolve("revocations").resolve(fingerprint.hex() + ".rev");
    }

    public SecretKeyring load() throws KeyringException {
        requireHomeFolder();
        Path file = keyringFile();
        if (!Files.exists(file)) {
            damaged = false;
            return SecretKeyring.empty();
        }
        try {
            SecretKeyring keyring = SecretKeyring.parse(Files.readAllBytes(file), file.toString());
            damaged = false;
            return keyring;
        } catch (IOException e) {
            damaged = true;
            throw new KeyringException("Could not read the keyring " + file + ": " + IoErrors.reason(e) + ".",
                    IoErrors.fix(e, file) + " The keyring was left as it is.", e);
        } catch (KeyringException e) {
            damaged = true;
            throw e;
        }
    }

    /** Saves the whole keyring; use {@link #update} to change it, so that the change is made under the lock. */
    public void save(SecretKeyring keyring) throws KeyringException {
        refuseIfDamaged();
        try {
            ensurePrivateDir(dir);
            AtomicFiles.writePrivate(keyringFile(), keyring.encode());
        } catch (IOException e) {
            throw new KeyringException("Could not save the keyring " + keyringFile() + ": " + IoErrors.reason(e)
                    + ". The previous keyring is unchanged.", IoErrors.fix(e, keyringFile()), e);
        }
    }

    private void refuseIfDamaged() throws KeyringException {
        if (damaged) {
            throw new KeyringException("The keyring " + keyringFile() + " could not be read earlier, so it is not"
                    + " overwritten.", "Restore or move the file aside, then restart Release Pilot.");
        }
    }

    /** Saves the revocation certificate with gpg's explanation above it; returns the file. */
    public Path saveRevocation(Fingerprint fingerprint, String userId, byte[] armored) throws KeyringException {
        Path file = revocationFile(fingerprint);
        try {
            ensurePrivateDir(file.getParent());
            AtomicFiles.writePrivate(file, revocationText(fingerprint, userId, armored));
            return file;
        } catch (IOException e) {
            throw new KeyringException("Could not save the revocation certificate " + file + ": "
                    + IoErrors.reason(e) + ".", IoErrors.fix(e, file), e);
        }
    }

    private static byte[] revocationText(Fingerprint fingerprint, String userId, byte[] armored) {
        String cert = new String(armored, StandardCharsets.US_ASCII).replace("-----BEGIN", ":-----BEGIN");
        String text = "This is a revocation certificate for the OpenPGP key:\n\n"
                + "    " + fingerprint.grouped() + "\n    " + userId + "\n\n"
                + "A revocation certificate is a kind of \"kill switch\" to publicly declare that a key shall not\n"
                + "anymore be used. Use it to revoke this key if its secret part is lost or stolen: remove the\n"
                + "colon before the five dashes below, then import the file (gpg --import) and publish the key\n"
                + "again, and update the project's KEYS file. Keep it somewhere safe, apart from the key.\n"
                + "A colon was put before the five dashes below so that it cannot be imported by accident.\n\n"
                + cert;
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void ensurePrivateDir(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new java.nio.file.NotDirectoryException(dir.toString());
        }
        Files.createDirectories(dir);
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
