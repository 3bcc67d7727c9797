package io.releasepilot.keys;

import io.releasepilot.core.AppHome;
import io.releasepilot.core.AtomicFiles;
import io.releasepilot.pgp.Fingerprint;
import io.releasepilot.pgp.KeyringException;
import io.releasepilot.pgp.SecretKeyring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where the app keeps secret keys: {@code <home>/keys/secret-keys.asc}, every key passphrase-protected, the file
 * readable by its owner only, written atomically. Revocation certificates go to {@code <home>/keys/revocations/}.
 * A keyring that cannot be read is reported and never overwritten.
 */
public final class KeyStore {
    private final Path dir;
    private boolean damaged;

    public KeyStore(AppHome home) {
        this.dir = home.dir().resolve("keys");
    }

    public Path keyringFile() {
        return dir.resolve("secret-keys.asc");
    }

    public Path revocationFile(Fingerprint fingerprint) {
        return dir.resolve("revocations").resolve(fingerprint.hex() + ".rev");
    }

    public SecretKeyring load() throws KeyringException {
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
            throw new KeyringException("Could not read " + file + ": " + e.getMessage(),
                    "Check that the file belongs to you and is readable. It was left as it is.", e);
        } catch (KeyringException e) {
            damaged = true;
            throw e;
        }
    }

    public void save(SecretKeyring keyring) throws KeyringException {
        if (damaged) {
            throw new KeyringException("The keyring " + keyringFile() + " could not be read earlier, so it is not"
                    + " overwritten.", "Restore or move the file aside, then restart Release Pilot.");
        }
        try {
            ensurePrivateDir(dir);
            AtomicFiles.writePrivate(keyringFile(), keyring.encode());
        } catch (IOException e) {
            throw new KeyringException("Could not save " + keyringFile() + ": " + e.getMessage(),
                    "Check the free disk space. The previous keyring is unchanged.", e);
        }
    }

    /** Saves the revocation certificate with gpg's explanation above it; returns the file. */
    public Path saveRevocation(Fingerprint fingerprint, String userId, byte[] armored) throws KeyringException {
        Path file = revocationFile(fingerprint);
        String cert = new String(armored, StandardCharsets.US_ASCII).replace("-----BEGIN", ":-----BEGIN");
        String text = "This is a revocation certificate for the OpenPGP key:\n\n"
                + "    " + fingerprint.grouped() + "\n    " + userId + "\n\n"
                + "A revocation certificate is a kind of \"kill switch\" to publicly declare that a key shall not\n"
                + "anymore be used. Use it to revoke this key if its secret part is lost or stolen: remove the\n"
                + "colon before the five dashes below, then import the file (gpg --import) and publish the key\n"
                + "again, and update the project's KEYS file. Keep it somewhere safe, apart from the key.\n"
                + "A colon was put before the five dashes below so that it cannot be imported by accident.\n\n"
                + cert;
        try {
            ensurePrivateDir(file.getParent());
            AtomicFiles.writePrivate(file, text.getBytes(StandardCharsets.US_ASCII));
            return file;
        } catch (IOException e) {
            throw new KeyringException("Could not save the revocation certificate " + file + ": " + e.getMessage(),
                    "Check the free disk space.", e);
        }
    }

    private static void ensurePrivateDir(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
