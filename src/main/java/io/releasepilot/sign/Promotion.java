package io.releasepilot.sign;

import io.releasepilot.core.Progress;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.keys.Signer;
import io.releasepilot.pgp.KeyRingSet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns a passed release candidate into the release. When artifact names carry no RC marker (the ASF norm),
 * the voted files are the release as they are: nothing is rebuilt or re-signed. When they do (MXNet named
 * files {@code apache-mxnet-src-1.2.0.rc1-incubating.tar.gz}), each is copied under its release name and signed
 * and summed again.
 */
public final class Promotion {
    private static final Pattern RC_MARKER = Pattern.compile("[-.]rc\\d+(?=[-.])");

    /** One artifact: its RC name and its release name (equal when nothing changes). */
    public record Step(Path artifact, String releaseName) {
        public boolean renames() {
            return !artifact.getFileName().toString().equals(releaseName);
        }
    }

    private Promotion() {
    }

    public static List<Step> plan(List<Path> artifacts) {
        List<Step> steps = new ArrayList<>();
        for (Path a : artifacts) {
            String name = a.getFileName().toString();
            steps.add(new Step(a, RC_MARKER.matcher(name).replaceFirst("")));
        }
        return steps;
    }

    public static boolean nothingToDo(List<Step> plan) {
        return plan.stream().noneMatch(Step::renames);
    }

    /** Copies renamed artifacts into {@code releaseDir} and signs them; returns the new signed files. */
    public static List<ArtifactSigner.Signed> apply(List<Step> plan, Path releaseDir, Signer signer, KeyRingSet keys,
                                                    Progress progress) throws ReleasePilotException {
        List<Path> renamed = new ArrayList<>();
        try {
            Files.createDirectories(releaseDir);
            for (Step s : plan) {
                if (s.renames()) {
                    Path target = releaseDir.resolve(s.releaseName());
                    Files.copy(s.artifact(), target, StandardCopyOption.REPLACE_EXISTING);
                    renamed.add(target);
                }
            }
        } catch (IOException e) {
            throw new ReleasePilotException("Could not copy the artifacts to " + releaseDir + ": "
                    + io.releasepilot.core.IoErrors.reason(e) + ".", io.releasepilot.core.IoErrors.fix(e, releaseDir),
                    e);
        }
        return renamed.isEmpty() ? List.of() : ArtifactSigner.signAll(renamed, signer, keys, progress);
    }
}
