package io.releasepilot.svn;

import io.releasepilot.core.CancelledException;
import io.releasepilot.core.Progress;
import io.releasepilot.core.ReleasePilotException;
import org.tmatesoft.svn.core.SVNException;
import org.tmatesoft.svn.core.SVNNodeKind;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Exports a release candidate folder from dist/dev (http, https or svn) into a local folder, streamed with progress,
 * for the verifier. The server is a stranger: names are checked before any file is made, and the size is bounded.
 * Sub-folders are not followed. KEYS is fetched on its own from dist/release, never from inside the RC folder.
 */
public final class DistFetch {
    /** Larger candidates are refused (the biggest ASF source releases are a few hundred MB). */
    public static final long MAX_TOTAL_BYTES = 8L * 1024 * 1024 * 1024;
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,200}");

    public record Result(String url, long revision, Path folder, List<String> files, List<String> skipped) {
        public Result {
            files = List.copyOf(files);
            skipped = List.copyOf(skipped);
        }
    }

    private final DistOptions options;

    public DistFetch(DistOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Exports every file of {@code rcUrl} into {@code folder} (created; must be empty). */
    public Result fetch(String rcUrl, Path folder, SvnCredentials credentials, Progress progress)
            throws SvnException, CancelledException {
        try (SvnSession s = SvnSession.open(rcUrl, credentials, options, progress)) {
            try {
                long head = s.repository().getLatestRevision();
                if (Remote.kind(s, "", head) != SVNNodeKind.DIR) {
                    throw new SvnException(SvnException.Reason.NOT_FOUND, s.url() + " is not a folder.",
                            "Give the URL of the RC folder, e.g. https://dist.apache.org/repos/dist/dev/<project>/"
                                    + "<version>-rc1/");
                }
                List<Remote.Entry> files = new ArrayList<>();
                List<String> skipped = new ArrayList<>();
                long total = 0;
                for (Remote.Entry e : Remote.list(s, "", head)) {
                    if (e.folder() || !SAFE_NAME.matcher(e.name()).matches()) {
                        skipped.add(DistUrls.escape(e.name()) + (e.folder() ? "/" : ""));
                    } else {
                        files.add(e);
                        total += e.bytes();
                    }
                }
                if (total > MAX_TOTAL_BYTES) {
                    throw new SvnException(SvnException.Reason.OTHER, s.url() + " holds " + total + " bytes, more than"
                            + " the " + MAX_TOTAL_BYTES + " bytes a release candidate may have here.",
                            "Download it by hand and verify the folder.");
                }
                Files.createDirectories(folder);
                progress.begin("Downloading " + files.size() + " files from " + s.url(), total);
                List<String> names = new ArrayList<>();
                for (Remote.Entry e : files) {
                    progress.checkCancelled("Downloading " + s.url());
                    Path target = folder.resolve(e.name());
                    try (OutputStream out = new Counting(Files.newOutputStream(target, StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE), e.bytes(), progress)) {
                        s.repository().getFile(e.name(), head, null, out);
                    }
                    names.add(e.name());
                }
                return new Result(s.url() + "/", head, folder, names, skipped);
            } catch (SVNException e) {
                if (e instanceof org.tmatesoft.svn.core.SVNCancelException) {
                    throw new CancelledException("Downloading " + s.url());
                }
                throw s.wrap(e, "downloading " + s.url());
            } catch (IOException e) {
                throw new SvnException(SvnException.Reason.OTHER, "Could not write into " + folder + ": "
                        + e.getMessage(), "Give an empty folder with enough free space.", e);
            }
        }
    }

    /** A fetched candidate: the RC folder's files, and the KEYS they are verified with (from outside the folder). */
    public record Candidate(Result fetched, Path keys) {
    }

    /** Whether {@code s} is a dist URL (http, https, svn) rather than a local path. */
    public static boolean isUrl(String s) {
        return s != null && s.strip().matches("(?i)(https?|svn)://.*");
    }

    /**
     * Fetches the RC at {@code rcUrl} into {@code outDir/<rc-folder>} and KEYS into {@code outDir/KEYS}: from
     * {@code keysFileOrUrl} (a URL or a local file) when given, else {@code dist/release/<project>/KEYS} next to the
     * dist/dev URL. Never the KEYS inside the RC folder. The same rules for {@code verify URL}, {@code dist fetch}
     * and the Verify window.
     */
    public Candidate fetchCandidate(String rcUrl, String keysFileOrUrl, Path outDir, Progress progress)
            throws ReleasePilotException {
        String clean = DistUrls.check(rcUrl);
        String folder = clean.substring(clean.lastIndexOf('/') + 1);
        String keys = keysFileOrUrl == null || keysFileOrUrl.isBlank() ? null : keysFileOrUrl.strip();
        if (keys == null) {
            int dev = clean.lastIndexOf("/dev/");
            if (dev < 0) {
                throw new ReleasePilotException("Cannot tell where KEYS is for " + clean + " (it is not below"
                        + " dist/dev).", "Give the project's KEYS file or URL (dist/release/<project>/KEYS).");
            }
            String project = clean.substring(dev + 5, clean.lastIndexOf('/'));
            keys = clean.substring(0, dev) + "/release/" + project + "/KEYS";
        }
        Result r = fetch(clean, outDir.resolve(folder), null, progress);
        Path keysFile = outDir.resolve("KEYS");
        if (isUrl(keys)) {
            fetchFile(keys, keysFile, null, progress);
        } else {
            try {
                Files.copy(Path.of(keys), keysFile);
            } catch (IOException | java.nio.file.InvalidPathException e) {
                throw new ReleasePilotException("Could not copy the KEYS file " + DistUrls.escape(keys) + ": "
                        + e.getMessage(), "Check the KEYS path.", e);
            }
        }
        return new Candidate(r, keysFile);
    }

    /** Downloads one file (a KEYS file) by its URL into {@code target}; at most 32 MiB. */
    public void fetchFile(String fileUrl, Path target, SvnCredentials credentials, Progress progress)
            throws SvnException, CancelledException {
        String url = DistUrls.check(fileUrl);
        int slash = url.lastIndexOf('/');
        String name = url.substring(slash + 1);
        try (SvnSession s = SvnSession.open(url.substring(0, slash), credentials, options, progress)) {
            try {
                DistKeys.Bounded out = new DistKeys.Bounded(DistKeys.MAX_KEYS_BYTES);
                s.repository().getFile(name, -1, null, out);
                Files.write(target, out.toByteArray());
            } catch (SVNException e) {
                throw s.wrap(e, "downloading " + url);
            } catch (IOException e) {
                throw new SvnException(SvnException.Reason.OTHER, "Could not write " + target + ": " + e.getMessage(),
                        "Check the folder.", e);
            }
        }
    }

    /** Reports bytes and refuses more than the listing announced. */
    private static final class Counting extends OutputStream {
        private final OutputStream out;
        private final long limit;
        private final Progress progress;
        private long written;

        Counting(OutputStream out, long limit, Progress progress) {
            this.out = out;
            this.limit = limit;
            this.progress = progress;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (written + len > limit) {
                throw new IOException("the server sent more bytes than it listed");
            }
            if (progress.isCancelled()) {
                throw new IOException("cancelled");
            }
            out.write(b, off, len);
            written += len;
            progress.worked(len);
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
