package io.releasepilot.svn;

import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.release.ReleaseNames;
import io.releasepilot.release.ReleaseRecord;
import io.releasepilot.release.SignOutputs;
import io.releasepilot.release.SourceOutputs;
import io.releasepilot.release.StepId;
import io.releasepilot.release.Workspace;
import io.releasepilot.version.VersionFormatException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** What the dist steps take from the release record: the names, and the RC's signed files. */
public final class DistInputs {
    private DistInputs() {
    }

    public static ReleaseNames names(ReleaseRecord r) throws ReleasePilotException {
        try {
            return ReleaseNames.of(r.profile());
        } catch (VersionFormatException e) {
            throw new ReleasePilotException("The profile's version '" + r.profile().version() + "' is not valid: "
                    + e.getMessage(), "Fix it in the Release profile step.", e);
        }
    }

    /**
     * The RC's files: the signed artifacts of the record (artifact, .asc, .sha512 of each), else every file of
     * {@code artifacts/<rc-folder>/}.
     */
    public static List<Path> rcFiles(Workspace ws, ReleaseRecord r) throws ReleasePilotException {
        SourceOutputs source = r.outputs(StepId.SOURCE, SourceOutputs.class);
        SignOutputs sign = r.outputs(StepId.SIGN, SignOutputs.class);
        Path folder = source != null && source.folder() != null ? ws.dir().resolve(source.folder()).normalize()
                : ws.artifactsDir().resolve(names(r).rcFolder());
        List<Path> files = new ArrayList<>();
        if (sign != null && !sign.files().isEmpty()) {
            for (SignOutputs.SignedFile f : sign.files()) {
                for (String n : new String[] {f.artifact(), f.asc(), f.checksum()}) {
                    files.add(folder.resolve(Path.of(n).getFileName().toString()));
                }
            }
        } else if (Files.isDirectory(folder)) {
            try (Stream<Path> s = Files.list(folder)) {
                s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                throw new ReleasePilotException("Could not list " + folder + ": " + e.getMessage(),
                        "Check the release folder.", e);
            }
        }
        if (files.isEmpty()) {
            throw new ReleasePilotException("There are no signed artifacts in " + folder + ".",
                    "Build and sign the release candidate first.");
        }
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new ReleasePilotException("The record names " + f + ", but it is not there.",
                        "Build and sign the release candidate again.");
            }
        }
        return files;
    }
}
