package io.releasepilot.sign;

import io.releasepilot.core.Passphrase;
import io.releasepilot.core.Progress;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.keys.KeyService;
import io.releasepilot.keys.Signer;
import io.releasepilot.keys.SigningChoice;
import io.releasepilot.release.ArtifactRecord;
import io.releasepilot.release.RecordService;
import io.releasepilot.release.ReleaseRecord;
import io.releasepilot.release.SignOutputs;
import io.releasepilot.release.SourceOutputs;
import io.releasepilot.release.StepId;
import io.releasepilot.release.StepState;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The sign step for the window and the command line alike: signs the artifacts the source step recorded (or
 * files given), through the release's backend, and records the key, the backend and each .asc and .sha512.
 */
public final class SignService {
    private final KeyService keys;

    public SignService(KeyService keys) {
        this.keys = keys;
    }

    /** The current RC's artifacts, as the source step recorded them. */
    public List<Path> artifacts(RecordService records) throws ReleasePilotException {
        ReleaseRecord record = records.load();
        SourceOutputs source = record.outputs(StepId.SOURCE, SourceOutputs.class);
        if (source == null || record.step(StepId.SOURCE).status() != StepState.DONE) {
            throw new ReleasePilotException("RC " + record.currentRc() + " has no source release to sign yet.",
                    "Build it first in the Source release step (release-pilot source build --dir "
                            + records.workspace().dir() + ").");
        }
        Path dir = records.workspace().dir().resolve(source.folder());
        return source.artifacts().stream().map(ArtifactRecord::file).map(dir::resolve).toList();
    }

    /** Signs the current RC's artifacts as the profile says and records the sign step. */
    public List<ArtifactSigner.Signed> signRc(RecordService records, Supplier<Passphrase> passphrases,
                                              Progress progress) throws ReleasePilotException {
        SigningChoice choice = SigningChoice.of(records.load().profile());
        List<ArtifactSigner.Signed> signed = sign(artifacts(records), choice, passphrases, progress);
        records.done(StepId.SIGN, new SignOutputs(choice.fingerprint().hex(), choice.backend(),
                signed.stream().map(s -> new SignOutputs.SignedFile(s.artifact().getFileName().toString(),
                        s.asc().getFileName().toString(), s.sha512().getFileName().toString(), s.sha512Hex()))
                        .toList()));
        return signed;
    }

    /** Signs {@code files} with {@code choice}; each signature is checked before it is written. */
    public List<ArtifactSigner.Signed> sign(List<Path> files, SigningChoice choice, Supplier<Passphrase> passphrases,
                                            Progress progress) throws ReleasePilotException {
        Signer signer = keys.signer(choice, passphrases);
        return ArtifactSigner.signAll(files, signer, () -> keys.publicKeys(choice), progress);
    }
}
