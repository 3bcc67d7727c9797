package io.releasepilot.keys;

import io.releasepilot.core.Passphrase;
import io.releasepilot.pgp.Fingerprint;
import io.releasepilot.pgp.KeyringException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Asks the user's own gpg for an armored export of a secret key, for key files the OpenPGP library cannot
 * read. The passphrase goes to gpg on its standard input ({@code --passphrase-fd 0}), never on its command
 * line, and the bytes holding it are cleared.
 */
final class GnuPgExport {
    private GnuPgExport() {
    }

    static byte[] exportSecret(Path gnupgHome, Fingerprint key, Passphrase passphrase) throws KeyringException {
        List<String> cmd = List.of("gpg", "--homedir", gnupgHome.toString(), "--batch", "--yes",
                "--pinentry-mode", "loopback", "--passphrase-fd", "0", "--armor", "--export-secret-keys", key.hex());
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("LC_ALL", "C");
        byte[] secret = null;
        try {
            Process process = pb.start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase.chars()));
            secret = new byte[encoded.remaining()];
            encoded.get(secret);
            Arrays.fill(encoded.array(), (byte) 0);
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(secret);
                stdin.write('\n');
            }
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new KeyringException("gpg did not export the key in time.", "Try again.");
            }
            byte[] armored = out.join();
            if (process.exitValue() != 0 || armored.length == 0) {
                String message = new String(err.join(), StandardCharsets.UTF_8).strip();
                if (message.contains("Bad passphrase") || message.contains("bad passphrase")) {
                    throw new io.releasepilot.pgp.WrongPassphraseException(key, "");
                }
                throw new KeyringException("gpg could not export key " + key.grouped() + ": " + message,
                        "Check gpg --list-secret-keys in " + gnupgHome + ".");
            }
            return armored;
        } catch (IOException e) {
            throw new KeyringException("Could not run gpg to export the key: " + e.getMessage(),
                    "Install GnuPG, or export the key with gpg --export-secret-keys --armor yourself.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeyringException("The export was interrupted.", "Try again.", e);
        } finally {
            if (secret != null) {
                Arrays.fill(secret, (byte) 0);
            }
        }
    }

    /** The armored public key, as {@code gpg --armor --export} gives it. */
    static byte[] exportPublic(Path gnupgHome, Fingerprint key) throws KeyringException {
        List<String> cmd = new java.util.ArrayList<>(List.of("gpg", "--batch", "--armor", "--export", key.hex()));
        if (gnupgHome != null) {
            cmd.add(1, "--homedir");
            cmd.add(2, gnupgHome.toString());
        }
        try {
            Process process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
            byte[] out = readAll(process.getInputStream());
            process.waitFor(1, TimeUnit.MINUTES);
            if (out.length == 0) {
                throw new KeyringException("gpg has no public key " + key.grouped() + ".",
                        "Check gpg --list-keys " + key.hex() + ".");
            }
            return out;
        } catch (IOException e) {
            throw new KeyringException("Could not run gpg: " + e.getMessage(), "Install GnuPG.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeyringException("Interrupted.", "Try again.", e);
        }
    }

    private static byte[] readAll(java.io.InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
