package io.releasepilot.keys;

import io.releasepilot.pgp.Fingerprint;
import io.releasepilot.pgp.KeyringException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Signs through the user's {@code gpg} and its agent, as maven-gpg-plugin does: the bytes go to
 * {@code gpg --armor --detach-sign} on its standard input, the signature comes back on its output. The agent
 * asks for the passphrase (or the smartcard PIN) itself; Release Pilot never sees it.
 */
public final class GnuPgSigner implements Signer {
    private final Fingerprint fingerprint;
    private final String gpg;
    private final Path gnupgHome;

    /** {@code gnupgHome} may be null for the user's default (~/.gnupg or GNUPGHOME). */
    public GnuPgSigner(Fingerprint fingerprint, String gpgCommand, Path gnupgHome) {
        this.fingerprint = fingerprint;
        this.gpg = gpgCommand == null ? "gpg" : gpgCommand;
        this.gnupgHome = gnupgHome;
    }

    @Override
    public Fingerprint fingerprint() {
        return fingerprint;
    }

    @Override
    public String backend() {
        return "GnuPG (" + gpg + ")";
    }

    @Override
    public Session start() throws KeyringException {
        List<String> cmd = new ArrayList<>(List.of(gpg, "--batch", "--yes", "--armor", "--detach-sign",
                "--digest-algo", "SHA512", "--local-user", fingerprint.hex(), "--output", "-"));
        if (gnupgHome != null) {
            cmd.add(1, "--homedir");
            cmd.add(2, gnupgHome.toString());
        }
        cmd.add("-");
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (gnupgHome != null) {
            pb.environment().put("GNUPGHOME", gnupgHome.toString());
        }
        pb.environment().putAll(Map.of("LC_ALL", "C"));
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new KeyringException("Could not start " + gpg + ": " + e.getMessage(),
                    "Install GnuPG (https://gnupg.org) or use the built-in keyring.", e);
        }
        CompletableFuture<byte[]> out = read(process.getInputStream());
        CompletableFuture<byte[]> err = read(process.getErrorStream());
        OutputStream stdin = process.getOutputStream();
        return new Session() {
            @Override
            public boolean needsData() {
                return true;
            }

            @Override
            public void update(byte[] data, int off, int len) throws KeyringException {
                try {
                    stdin.write(data, off, len);
                } catch (IOException e) {
                    throw failure(process, err, e);
                }
            }

            @Override
            public byte[] finish(java.security.MessageDigest sha512) throws KeyringException {
                try {
                    stdin.close();
                    if (!process.waitFor(10, TimeUnit.MINUTES)) {
                        process.destroyForcibly();
                        throw new KeyringException("gpg did not finish signing within 10 minutes.",
                                "Check whether gpg is waiting for a passphrase or a smartcard.");
                    }
                    if (process.exitValue() != 0) {
                        throw failure(process, err, null);
                    }
                    return out.join();
                } catch (IOException e) {
                    throw failure(process, err, e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    process.destroyForcibly();
                    throw new KeyringException("Signing with gpg was interrupted.", "Try again.", e);
                }
            }

            @Override
            public void close() {
                if (process.isAlive()) {
                    process.destroyForcibly();
                }
            }
        };
    }

    private KeyringException failure(Process process, CompletableFuture<byte[]> err, Exception cause) {
        String message = "";
        try {
            process.waitFor(5, TimeUnit.SECONDS);
            message = new String(err.getNow(new byte[0]), StandardCharsets.UTF_8).strip();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new KeyringException("gpg could not sign with key " + fingerprint.grouped() + ": "
                + (message.isEmpty() ? String.valueOf(cause) : message),
                "Check that gpg --list-secret-keys shows the key and that its passphrase or card is available.", cause);
    }

    private static CompletableFuture<byte[]> read(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return in.readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        });
    }
}
