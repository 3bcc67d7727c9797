package io.releasepilot.cli;

import io.releasepilot.core.Passphrase;
import io.releasepilot.core.Progress;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.keys.KeyService;
import io.releasepilot.keys.Signer;
import io.releasepilot.pgp.Fingerprint;
import io.releasepilot.pgp.KeyringException;
import io.releasepilot.sign.ArtifactSigner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code sign FILE...}: writes FILE.asc and FILE.sha512 beside each file, from one read of it. */
@Command(name = "sign", mixinStandardHelpOptions = true, description = "Sign artifacts: a detached ASCII-armored"
        + " .asc and a .sha512 (sha512sum form) beside each, each signature checked before it is written.")
public final class SignCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    HomeOption home;
    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "The artifacts to sign; each gets FILE.asc and FILE.sha512 beside it.")
    List<Path> files;
    @Option(names = "--key", required = true, paramLabel = "FPR",
            description = "Fingerprint of the signing key (keys list shows it).")
    String key;
    @Option(names = "--passphrase-file", paramLabel = "F", description = "The key's passphrase (else asked).")
    Path passphraseFile;
    @Option(names = "--gpg", description = "Sign through GnuPG and its agent (keys on smartcards).")
    boolean gpg;
    @Option(names = "--gnupg-home", paramLabel = "DIR", description = "GnuPG home for --gpg (default: gpg's own).")
    Path gnupgHome;

    @Override
    public Integer call() throws ReleasePilotException {
        PrintWriter out = spec.commandLine().getOut();
        Fingerprint fpr = KeysCommand.fingerprint(key);
        KeyService keys = new KeyService(home.resolve());
        try (CliSigner cli = signer(home, fpr, gpg, gnupgHome, passphraseFile, spec.commandLine().getErr())) {
            for (ArtifactSigner.Signed s : ArtifactSigner.signAll(files, cli.signer(),
                    () -> keys.publicKeys(cli.signer(), gnupgHome), Progress.NONE)) {
                out.println(s.asc());
                out.println(s.sha512());
            }
        }
        return ExitCodes.OK;
    }

    /** A signer and the passphrase read for it (none for GnuPG, whose agent asks), cleared on close. */
    record CliSigner(Signer signer, Passphrase passphrase) implements AutoCloseable {
        @Override
        public void close() {
            if (passphrase != null) {
                passphrase.close();
            }
        }
    }

    /** The signer for a key: GnuPG with --gpg, else the built-in keyring (passphrase from F or the console). */
    static CliSigner signer(HomeOption home, Fingerprint fpr, boolean gpg, Path gnupgHome, Path passphraseFile,
                            PrintWriter err) throws ReleasePilotException {
        KeyService keys = new KeyService(home.resolve());
        if (gpg) {
            return new CliSigner(keys.gnupgSigner(fpr, gnupgHome), null);
        }
        Passphrase passphrase = Passphrases.read(passphraseFile, "Passphrase for key " + fpr.grouped(), false, true,
                err);
        try {
            return new CliSigner(keys.builtInSigner(fpr, () -> new Passphrase(passphrase.chars())), passphrase);
        } catch (KeyringException e) {
            passphrase.close();
            throw e;
        }
    }
}
