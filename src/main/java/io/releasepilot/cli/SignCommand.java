package io.releasepilot.cli;

import io.releasepilot.core.Passphrase;
import io.releasepilot.core.Progress;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.keys.KeyService;
import io.releasepilot.keys.Signer;
import io.releasepilot.pgp.Fingerprint;
import io.releasepilot.pgp.KeyringException;
import io.releasepilot.sign.ArtifactSigner;
import io.releasepilot.sign.SignService;
import io.releasepilot.keys.SigningChoice;
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
        + " .asc and a .sha512 (sha512sum form) beside each, each signature checked before it is written. With --dir:"
        + " the current RC's archives, with the release's key and backend, and the sign step is recorded.")
public final class SignCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    HomeOption home;
    @Mixin
    ReleaseDirOption release;
    @Parameters(arity = "0..*", paramLabel = "FILE", description = "The artifacts to sign (default with --dir: the"
            + " current RC's archives, as the source step recorded them).")
    List<Path> files = new java.util.ArrayList<>();
    @Option(names = "--key", paramLabel = "FPR", description = "The signing key's fingerprint (default with --dir:"
            + " the release's).")
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
        KeyService keys = new KeyService(home.resolve());
        SignService service = new SignService(keys);
        SigningChoice choice;
        if (key != null) {
            choice = new SigningChoice(KeysCommand.fingerprint(key), gpg, gnupgHome);
        } else if (release.given()) {
            choice = SigningChoice.of(release.load().profile());
        } else {
            throw new ReleasePilotException("Give the key with --key FPR (or --dir of a release that has one).",
                    "release-pilot keys list shows your keys' fingerprints.");
        }
        boolean recordIt = release.given() && files.isEmpty() && key == null;
        if (files.isEmpty() && !release.given()) {
            throw new ReleasePilotException("Give the files to sign, or --dir RELEASE_DIR to sign the current RC.",
                    "Example: release-pilot sign --dir ~/releases/kvrocks-2.4.0");
        }
        try (Passphrase passphrase = choice.gnupg() ? null : Passphrases.read(passphraseFile, "Passphrase for key "
                + choice.fingerprint().grouped(), false, true, spec.commandLine().getErr())) {
            java.util.function.Supplier<Passphrase> pass = () -> new Passphrase(passphrase.chars());
            List<ArtifactSigner.Signed> signed = recordIt
                    ? service.signRc(release.records(), pass, Progress.NONE)
                    : service.sign(files.isEmpty() ? service.artifacts(release.records()) : files, choice, pass,
                    Progress.NONE);
            for (ArtifactSigner.Signed s : signed) {
                out.println(s.asc());
                out.println(s.sha512());
            }
        }
        if (recordIt) {
            spec.commandLine().getErr().println("Recorded. Next: release-pilot verify --dir " + release.dir());
        }
        return ExitCodes.OK;
    }
}
