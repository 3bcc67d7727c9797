package io.releasepilot.cli;

import io.releasepilot.core.Passphrase;
import io.releasepilot.core.Plural;
import io.releasepilot.core.Progress;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.keys.KeyServerUpload;
import io.releasepilot.keys.KeyService;
import io.releasepilot.keys.KeysFileUpdate;
import io.releasepilot.keys.SigningChoice;
import io.releasepilot.release.KeysFileOutputs;
import io.releasepilot.release.StepId;
import io.releasepilot.pgp.Fingerprint;
import io.releasepilot.pgp.GnuPgHome;
import io.releasepilot.pgp.KeyInfo;
import io.releasepilot.pgp.KeySpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code keys}: make, list, import and export signing keys, and add one to a KEYS file. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Signing keys: create, import, export,"
        + " append to KEYS, publish.", subcommands = {KeysCommand.Generate.class, KeysCommand.ListKeys.class,
        KeysCommand.Export.class, KeysCommand.Import.class, KeysCommand.Append.class, KeysCommand.Upload.class,
        KeysCommand.Use.class})
public final class KeysCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static Fingerprint fingerprint(String text) throws ReleasePilotException {
        try {
            return Fingerprint.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ReleasePilotException("\"" + text + "\" is not a key fingerprint.",
                    "Give the 40 hexadecimal digits (release-pilot keys list shows them).");
        }
    }

    static void describe(PrintWriter out, KeyInfo k) {
        out.println(k.fingerprint().grouped());
        out.printf("  %s %d, created %s%s%s%n", k.algorithm(), k.bits(), k.created().toString().substring(0, 10),
                k.expires().map(e -> ", expires " + e.toString().substring(0, 10)).orElse(", no expiry"),
                k.revoked() ? ", REVOKED" : "");
        k.userIds().forEach(u -> out.println("  " + u));
        out.println("  long key id " + k.keyId());
    }

    @Command(name = "generate", mixinStandardHelpOptions = true, description = "Make an RSA 4096 key [SC] with an"
            + " encryption subkey [E]. The fingerprint is the last line printed.")
    static final class Generate implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        HomeOption home;
        @Mixin
        ReleaseDirOption release;
        @Option(names = "--name", paramLabel = "NAME", description = "Your full name (Latin letters recommended);"
                + " with --dir, default: the release manager's name in the profile.")
        String name;
        @Option(names = "--email", paramLabel = "ADDRESS", description = "Your apacheid@apache.org address;"
                + " with --dir, default: the profile's.")
        String email;
        @Option(names = "--comment", paramLabel = "TEXT", description = "Optional comment, e.g. CODE SIGNING KEY.")
        String comment;
        @Option(names = "--expire-days", paramLabel = "D", defaultValue = "0", description = "Days until the key"
                + " expires; 0 (default) for never. An expiry limits the damage of a lost key, but must be extended"
                + " in time. At most until 2106-02-06 (the last date OpenPGP and gpg can hold).")
        long expireDays;
        @Option(names = "--passphrase-file", paramLabel = "F", description = "Read the passphrase from F's first line"
                + " (else it is asked twice on the console).")
        Path passphraseFile;
        @Option(names = "--allow-empty-passphrase", description = "Accept an empty passphrase (not recommended).")
        boolean allowEmpty;
        @Option(names = "--bits", paramLabel = "BITS", defaultValue = "4096", hidden = true,
                description = "Key size in bits (tests only; the ASF asks for 4096).")
        int bits;

        @Override
        public Integer call() throws ReleasePilotException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (release.given()) {
                var profile = release.load().profile();
                name = ReleaseDirOption.or(name, profile.rmName());
                email = ReleaseDirOption.or(email, profile.rmEmail());
            }
            if (name == null || name.isBlank() || email == null || email.isBlank()) {
                throw new ReleasePilotException("Give --name and --email (or --dir of a release whose profile names"
                        + " you).", "Example: release-pilot keys generate --name \"Jane Doe\" --email jdoe@apache.org");
            }
            if (!email.toLowerCase(java.util.Locale.ROOT).endsWith("@apache.org")) {
                err.println("Warning: " + email + " is not an @apache.org address; ASF release keys should carry"
                        + " your Apache address.");
            }
            long maxDays = KeySpec.maxExpiryDays(java.time.Instant.now());
            if (expireDays < 0 || expireDays > maxDays) {
                throw new ReleasePilotException("--expire-days " + expireDays + " is out of range: give 0 (no expiry)"
                        + " or 1 to " + maxDays + " days.", "OpenPGP and gpg keep dates as 32-bit seconds, so a key"
                        + " must expire before 2106-02-07; a later date would read as another one.");
            }
            KeySpec keySpec;
            try {
                keySpec = new KeySpec(name, email, comment, expireDays > 0 ? Optional.of(Duration.ofDays(expireDays))
                        : Optional.empty(), bits);
            } catch (IllegalArgumentException e) {
                throw new ReleasePilotException(e.getMessage() + ".", "Correct the option and run it again.");
            }
            try (Passphrase passphrase = Passphrases.read(passphraseFile, "Passphrase for the new key", true,
                    allowEmpty, err)) {
                err.println("Generating " + bits + "-bit RSA keys; this takes a few seconds...");
                KeyService.Created created = new KeyService(home.resolve(), err::println).generate(keySpec,
                        passphrase, Progress.NONE);
                describe(out, created.key());
                out.println("Revocation certificate: " + created.revocationCertificate());
                useForRelease(release, keys(home), new SigningChoice(created.key().fingerprint(), false, null), err);
                out.println(created.key().fingerprint().hex());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the keys in Release Pilot's"
            + " keyring, or in a GnuPG home with --gnupg-home.")
    static final class ListKeys implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        HomeOption home;
        @Option(names = "--gnupg-home", paramLabel = "DIR", description = "List a GnuPG home folder instead.")
        Path gnupgHome;

        @Override
        public Integer call() throws ReleasePilotException {
            PrintWriter out = spec.commandLine().getOut();
            KeyService keys = new KeyService(home.resolve());
            if (gnupgHome != null) {
                for (GnuPgHome.Entry e : keys.listGnuPg(gnupgHome)) {
                    describe(out, e.key());
                    out.println("  " + (e.hasSecret() ? "secret key present" : "public key only"));
                }
                return ExitCodes.OK;
            }
            List<KeyInfo> list = keys.list();
            if (list.isEmpty()) {
                out.println("No keys yet. Create one with: release-pilot keys generate --name \"Your Name\""
                        + " --email you@apache.org");
            }
            list.forEach(k -> describe(out, k));
            return ExitCodes.OK;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Print the armored public key"
            + " (or, with --secret, the passphrase-protected secret key).")
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        HomeOption home;
        @Option(names = "--key", required = true, paramLabel = "FPR",
                description = "Fingerprint of the key to export (keys list shows it).")
        String key;
        @Option(names = "--secret", description = "Export the secret key (still protected by its passphrase).")
        boolean secret;

        @Override
        public Integer call() throws ReleasePilotException {
            KeyService keys = new KeyService(home.resolve());
            Fingerprint fpr = fingerprint(key);
            byte[] armored = secret ? keys.exportSecret(fpr) : keys.exportPublic(fpr);
            spec.commandLine().getOut().print(new String(armored, StandardCharsets.US_ASCII));
            return ExitCodes.OK;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true, description = "Import a secret key from an armored"
            + " export (gpg --export-secret-keys --armor) or from a GnuPG home folder.")
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        HomeOption home;
        @Parameters(arity = "0..1", paramLabel = "FILE",
                description = "An armored secret-key export (give FILE or --gnupg-home).")
        Path file;
        @Option(names = "--gnupg-home", paramLabel = "DIR",
                description = "Import from this GnuPG home folder, e.g. ~/.gnupg.")
        Path gnupgHome;
        @Option(names = "--key", paramLabel = "FPR", description = "Which key of the GnuPG home.")
        String key;
        @Option(names = "--passphrase-file", paramLabel = "F", description = "The key's passphrase; it also protects"
                + " the key in Release Pilot's keyring.")
        Path passphraseFile;
        @Option(names = "--allow-empty-passphrase",
                description = "Accept a key without a passphrase (not recommended).")
        boolean allowEmpty;
        @Mixin
        ReleaseDirOption release;

        @Override
        public Integer call() throws ReleasePilotException {
            PrintWriter out = spec.commandLine().getOut();
            if ((file == null) == (gnupgHome == null)) {
                throw new ReleasePilotException("Give either FILE or --gnupg-home DIR.",
                        "Example: release-pilot keys import --gnupg-home ~/.gnupg --key FPR");
            }
            KeyService keys = new KeyService(home.resolve(), spec.commandLine().getErr()::println);
            try (Passphrase passphrase = Passphrases.read(passphraseFile, "Passphrase of the key", false, allowEmpty,
                    spec.commandLine().getErr())) {
                if (file != null) {
                    List<KeyInfo> imported = keys.importFile(file, passphrase, passphrase);
                    for (KeyInfo k : imported) {
                        out.print("Imported ");
                        describe(out, k);
                        KeyService.sizeWarning(k).ifPresent(w -> spec.commandLine().getErr().println("Warning: " + w));
                    }
                    if (imported.size() == 1) {
                        useForRelease(release, keys, new SigningChoice(imported.get(0).fingerprint(), false, null),
                                spec.commandLine().getErr());
                    } else if (release.given()) {
                        spec.commandLine().getErr().println("Choose which key signs the release with: release-pilot"
                                + " keys use --dir " + release.dir() + " --key FPR");
                    }
                    return ExitCodes.OK;
                }
                Fingerprint which;
                if (key != null) {
                    which = fingerprint(key);
                } else {
                    List<GnuPgHome.Entry> withSecret = keys.listGnuPg(gnupgHome).stream()
                            .filter(GnuPgHome.Entry::hasSecret).toList();
                    if (withSecret.size() != 1) {
                        throw new ReleasePilotException(gnupgHome + " has " + withSecret.size() + " secret keys.",
                                "Choose one with --key FPR (release-pilot keys list --gnupg-home DIR shows them).");
                    }
                    which = withSecret.get(0).key().fingerprint();
                }
                KeyInfo imported = keys.importGnuPg(gnupgHome, which, passphrase, passphrase);
                out.print("Imported ");
                describe(out, imported);
                KeyService.sizeWarning(imported).ifPresent(w -> spec.commandLine().getErr().println("Warning: " + w));
                useForRelease(release, keys, new SigningChoice(imported.fingerprint(), false, null),
                        spec.commandLine().getErr());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "append", mixinStandardHelpOptions = true, description = "Append a key to a KEYS file: the"
            + " gpg --list-sigs listing and the armored key, after showing exactly what will be added.")
    static final class Append implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        HomeOption home;
        @Mixin
        ReleaseDirOption release;
        @Option(names = "--keys-file", required = true, paramLabel = "KEYS", description = "The KEYS file to append"
                + " to (e.g. your checkout of dist/release/<project>/KEYS); created if it does not exist.")
        Path keysFile;
        @Option(names = "--key", paramLabel = "FPR", description = "The key to add (with --dir, default: the release's"
                + " signing key).")
        String key;
        @Option(names = "--dry-run", description = "Only show what would be appended.")
        boolean dryRun;

        @Override
        public Integer call() throws ReleasePilotException {
            PrintWriter out = spec.commandLine().getOut();
            KeyService keys = new KeyService(home.resolve());
            String which = release.given() ? ReleaseDirOption.or(key, release.load().profile().signingKeyFingerprint())
                    : key;
            if (which == null || which.isBlank()) {
                throw new ReleasePilotException("Give the key to add with --key FPR (or --dir of a release that has a"
                        + " signing key).", "release-pilot keys list shows your keys' fingerprints.");
            }
            Fingerprint fpr = fingerprint(which);
            KeysFileUpdate.Preview preview;
            try {
                preview = keys.previewKeysAppend(keysFile, fpr);
            } catch (io.releasepilot.keys.KeyAlreadyInKeysException e) {
                // Running it again is not an error: the key is where it should be.
                out.println(e.getMessage() + " Nothing to do.");
                if (release.given() && !dryRun) {
                    release.records().done(StepId.KEYS_FILE, new KeysFileOutputs(keysFile.toAbsolutePath().normalize()
                            .toString(), -1, fpr.hex()));
                }
                return ExitCodes.OK;
            }
            out.println("Appending to " + keysFile + " (" + Plural.of(preview.keysBefore(), "key", "keys") + " now):");
            out.println(preview.textToAppend());
            if (dryRun) {
                out.println("Dry run: nothing was written.");
                return ExitCodes.OK;
            }
            KeysFileUpdate.Result result = KeysFileUpdate.append(preview, spec.commandLine().getErr()::println);
            out.println("Done: " + result.keysFile() + " now holds " + Plural.of(result.keysAfter(), "key", "keys") + " ("
                    + result.keysBefore() + " before). Commit it to dist/release/<project>/KEYS with svn.");
            if (release.given()) {
                release.records().done(StepId.KEYS_FILE, new KeysFileOutputs(keysFile.toAbsolutePath().normalize()
                        .toString(), -1, fpr.hex()));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "upload", mixinStandardHelpOptions = true, description = "Publish the public key on"
            + " keys.openpgp.org; the server mails each address a link to confirm it.")
    static final class Upload implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        HomeOption home;
        @Option(names = "--key", required = true, paramLabel = "FPR",
                description = "Fingerprint of the key to publish (keys list shows it).")
        String key;
        @Option(names = "--server", paramLabel = "URL", description = "Default: https://keys.openpgp.org")
        URI server;

        @Override
        public Integer call() throws ReleasePilotException {
            PrintWriter out = spec.commandLine().getOut();
            byte[] armored = new KeyService(home.resolve()).exportPublic(fingerprint(key));
            KeyServerUpload.Result r = new KeyServerUpload(server == null ? KeyServerUpload.DEFAULT_SERVER : server)
                    .upload(armored);
            out.println("Uploaded " + r.fingerprint());
            r.addresses().forEach((a, s) -> out.println("  " + a + ": " + s));
            if (!r.verificationRequested().isEmpty()) {
                out.println("A confirmation link was mailed to " + String.join(", ", r.verificationRequested()) + ".");
            }
            return ExitCodes.OK;
        }
    }

    private static KeyService keys(HomeOption home) {
        return new KeyService(home.resolve());
    }

    /** With --dir: makes the key the release's signing key and records the key step. */
    static void useForRelease(ReleaseDirOption release, KeyService keys, SigningChoice choice, PrintWriter err)
            throws ReleasePilotException {
        if (release == null || !release.given()) {
            return;
        }
        keys.useForRelease(release.records(), choice);
        err.println("This key now signs the release in " + release.dir() + " (" + choice.backend() + ").");
    }

    @Command(name = "use", mixinStandardHelpOptions = true, description = "Choose the key that signs a release:"
            + " one of Release Pilot's keyring, or one in GnuPG (--gpg: a smartcard or an existing ~/.gnupg, used"
            + " through gpg and its agent).")
    static final class Use implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        HomeOption home;
        @Option(names = "--dir", required = true, paramLabel = "RELEASE_DIR", description = "Release folder.")
        Path dir;
        @Option(names = "--key", required = true, paramLabel = "FPR", description = "The key's fingerprint.")
        String key;
        @Option(names = "--gpg", description = "Sign through GnuPG and its agent instead of Release Pilot's keyring.")
        boolean gpg;
        @Option(names = "--gnupg-home", paramLabel = "DIR", description = "GnuPG home for --gpg (default: gpg's own).")
        Path gnupgHome;

        @Override
        public Integer call() throws ReleasePilotException {
            ReleaseDirOption release = new ReleaseDirOption();
            release.dir = dir;
            useForRelease(release, keys(home), new SigningChoice(fingerprint(key), gpg,
                    gnupgHome == null ? null : gnupgHome.toAbsolutePath()), spec.commandLine().getOut());
            return ExitCodes.OK;
        }
    }
}
