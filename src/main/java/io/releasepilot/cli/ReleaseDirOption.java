package io.releasepilot.cli;

import io.releasepilot.core.DataFileException;
import io.releasepilot.release.RecordService;
import io.releasepilot.release.ReleaseRecord;
import io.releasepilot.release.Workspace;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * {@code --dir RELEASE_DIR}: the release folder a step command reads its profile from (project, version, RC,
 * repository, key and backend) and records its result in. Options given explicitly win over the profile.
 */
public final class ReleaseDirOption {
    @Option(names = "--dir", paramLabel = "RELEASE_DIR", description = "Release folder (holds release.json): read"
            + " the project, version, RC, repository and key from it, and record the result there.")
    Path dir;

    public boolean given() {
        return dir != null;
    }

    public Path dir() {
        return dir;
    }

    /** The release's record; a wait for another Release Pilot writing it is said on standard error. */
    public RecordService records() {
        return new RecordService(new Workspace(dir), new io.releasepilot.release.ReleaseStore(
                java.time.Clock.systemUTC(), System.err::println));
    }

    public ReleaseRecord load() throws DataFileException {
        return records().load();
    }

    /** The first non-blank of an explicit option and the profile's value. */
    static String or(String explicit, String fromProfile) {
        return explicit != null && !explicit.isBlank() ? explicit : fromProfile;
    }
}
