package io.releasepilot.cli;

import io.releasepilot.core.Progress;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.release.ArtifactRecord;
import io.releasepilot.release.StageOutputs;
import io.releasepilot.svn.DistFetch;
import io.releasepilot.svn.DistOptions;
import io.releasepilot.svn.SvnException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * After a release manager without write access to dist/release sent the request to the PMC: a PMC member
 * moved the candidate. {@code dist publish} run again finds the candidate gone from dist/dev and checks that
 * the release folder holds exactly the staged files (each one's SHA-512 against what the Stage step recorded),
 * so the step is recorded as done without anyone typing a shell command.
 */
final class PublishedByPmc {
    /** What the check found in the release folder. */
    record Found(String url, long revision, List<String> files) {
    }

    private PublishedByPmc() {
    }

    /**
     * Reads {@code releaseFolderUrl} anonymously and compares it with {@code staged}; null when the folder is
     * not there (nobody moved the candidate yet). Throws when it is there but differs from what was staged.
     */
    static Found check(String releaseFolderUrl, StageOutputs staged, Progress progress) throws ReleasePilotException {
        if (staged == null || staged.files().isEmpty()) {
            return null;
        }
        Path tmp;
        try {
            tmp = Files.createTempDirectory("release-pilot-published-");
        } catch (IOException e) {
            throw new ReleasePilotException("Could not make a temporary folder to check " + releaseFolderUrl + ": "
                    + e.getMessage(), "Free some space in the temporary folder and run the command again.", e);
        }
        try {
            DistFetch.Result fetched;
            try {
                fetched = new DistFetch(DistOptions.DEFAULT).fetch(releaseFolderUrl, tmp.resolve("release"), null,
                        progress);
            } catch (SvnException e) {
                if (e.reason() == SvnException.Reason.NOT_FOUND) {
                    return null;
                }
                throw e;
            }
            List<String> differ = new ArrayList<>();
            for (ArtifactRecord a : staged.files()) {
                Path f = fetched.folder().resolve(a.file());
                if (!Files.isRegularFile(f)) {
                    differ.add(a.file() + " is missing");
                } else if (!sha512(f).equalsIgnoreCase(a.sha512())) {
                    differ.add(a.file() + " differs from the staged file");
                }
            }
            if (!differ.isEmpty()) {
                throw new ReleasePilotException(releaseFolderUrl + " exists but does not hold the staged candidate: "
                        + String.join("; ", differ) + ".", "Ask the PMC member who moved it to check the folder;"
                        + " a published release is never replaced.");
            }
            return new Found(releaseFolderUrl, fetched.revision(), fetched.files());
        } finally {
            delete(tmp);
        }
    }

    private static String sha512(Path file) throws ReleasePilotException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-512");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new ReleasePilotException("Could not read " + file + ": " + e.getMessage(),
                    "Run the command again.", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-512", e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover temporary file is not worth failing a published release for
        }
    }
}
