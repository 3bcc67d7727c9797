package io.releasepilot.check;

import io.releasepilot.core.IoErrors;
import io.releasepilot.core.Progress;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.keys.KeyService;
import io.releasepilot.keys.SigningChoice;
import io.releasepilot.release.CheckOutputs;
import io.releasepilot.release.KeysFileOutputs;
import io.releasepilot.release.RecordService;
import io.releasepilot.release.ReleaseRecord;
import io.releasepilot.release.SourceOutputs;
import io.releasepilot.release.StepId;
import io.releasepilot.release.StepState;
import io.releasepilot.verify.Finding;
import io.releasepilot.verify.Severity;
import io.releasepilot.verify.Verifier;
import io.releasepilot.verify.VerifyReport;
import io.releasepilot.verify.VerifyRequest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The check step: runs the verifier voters use on the current RC's folder, so the release manager sees what
 * they will see before the vote. The KEYS file is the one given, else the one the KEYS step added the key to,
 * else a KEYS holding only the release manager's own public key (and the report says so).
 */
public final class CheckService {
    private final KeyService keys;
    private final Verifier verifier;

    public CheckService(KeyService keys) {
        this(keys, new Verifier());
    }

    public CheckService(KeyService keys, Verifier verifier) {
        this.keys = keys;
        this.verifier = verifier;
    }

    /** The verifier's report and the KEYS it used, in words. */
    public record Checked(VerifyReport report, String keysUsed) {
    }

    public Checked check(RecordService records, Optional<Path> keysFile, Progress progress)
            throws ReleasePilotException {
        ReleaseRecord record = records.load();
        SourceOutputs source = record.outputs(StepId.SOURCE, SourceOutputs.class);
        if (source == null || record.step(StepId.SOURCE).status() != StepState.DONE) {
            throw new ReleasePilotException("RC " + record.currentRc() + " has no source release to check yet.",
                    "Build and sign it first (Source release and Sign steps).");
        }
        if (record.step(StepId.SIGN).status() != StepState.DONE) {
            throw new ReleasePilotException("RC " + record.currentRc() + " is not signed yet.",
                    "Sign it first in the Sign step (release-pilot sign --dir " + records.workspace().dir() + ").");
        }
        Path folder = records.workspace().dir().resolve(source.folder());
        {
            Path keysPath;
            String used;
            Optional<Path> recorded = recordedKeys(record);
            if (keysFile.isPresent()) {
                keysPath = keysFile.get();
                used = keysPath.toString();
            } else if (recorded.isPresent()) {
                keysPath = recorded.get();
                used = keysPath + " (from the KEYS step)";
            } else {
                keysPath = ownKeyFile(records, record);
                used = keysPath + ", your own public key only: voters check against the project's KEYS, so add"
                        + " your key there (release-pilot dist keys --dir " + records.workspace().dir() + ")";
            }
            VerifyReport report = verifier.verify(new VerifyRequest(folder, Optional.of(keysPath),
                    record.profile().podling()), progress);
            List<String> findings = report.findings().stream().map(CheckService::line).toList();
            String summary = summary(report);
            if (report.passed()) {
                records.done(StepId.CHECK, new CheckOutputs(true, summary, findings, keysPath.toString()));
            } else {
                records.failed(StepId.CHECK, summary + ": " + String.join("; ", report.findings().stream()
                        .filter(f -> f.severity() == Severity.BLOCKER).limit(5).map(CheckService::line).toList()));
            }
            return new Checked(report, used);
        }
    }

    private static Optional<Path> recordedKeys(ReleaseRecord record) {
        KeysFileOutputs k = record.outputs(StepId.KEYS_FILE, KeysFileOutputs.class);
        if (k == null || k.url() == null || k.url().contains("://")) {
            return Optional.empty();
        }
        Path p = Path.of(k.url());
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /**
     * {@code logs/own-public-key.KEYS}: the release manager's public key alone, kept so the report's KEYS path
     * stays valid (it holds nothing secret).
     */
    private Path ownKeyFile(RecordService records, ReleaseRecord record) throws ReleasePilotException {
        SigningChoice choice = SigningChoice.of(record.profile());
        byte[] armored = choice.gnupg() ? keys.exportPublicFromGnuPg(choice) : keys.exportPublic(choice.fingerprint());
        Path f = records.workspace().logsDir().resolve("own-public-key.KEYS");
        try {
            io.releasepilot.core.AtomicFiles.write(f, armored);
            return f;
        } catch (IOException e) {
            throw new ReleasePilotException("Could not write " + f + ": " + IoErrors.reason(e) + ".",
                    IoErrors.fix(e, f), e);
        }
    }

    private static String line(Finding f) {
        return f.severity() + " " + (f.file().isEmpty() ? "" : f.file() + ": ") + f.message();
    }

    static String summary(VerifyReport r) {
        return (r.passed() ? "PASSED" : "FAILED") + ": " + plural(r.artifacts().size(), "artifact") + ", "
                + plural((int) r.count(Severity.BLOCKER), "blocker") + ", "
                + plural((int) r.count(Severity.WARNING), "warning");
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
