package io.releasepilot.svn;

import io.releasepilot.core.CancelledException;
import io.releasepilot.core.Progress;
import org.tmatesoft.svn.core.SVNException;
import org.tmatesoft.svn.core.SVNNodeKind;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stages a release candidate: {@code <dist-dev>/<rc-folder>/} with the artifacts, signatures and checksums, in one
 * commit, without a working copy. Before: a preview, and a refusal when the folder exists (with the next free RC
 * number). After: the folder is listed back and every file's size and MD5 compared with what was sent.
 */
public final class DistStage {
    private static final Pattern RC = Pattern.compile("rc(\\d+)$");

    /** What to stage: the dev area URL ({@code .../dist/dev/<project>/}), the folder name, the files, the log. */
    public record Request(String devUrl, String rcFolder, List<Path> files, String message) {
        public Request {
            Objects.requireNonNull(devUrl, "devUrl");
            Objects.requireNonNull(message, "message");
            if (rcFolder == null || !rcFolder.matches("[A-Za-z0-9][A-Za-z0-9._+-]*")) {
                throw new IllegalArgumentException("The RC folder name is empty or holds characters other than"
                        + " letters, digits, '.', '_', '+' and '-': " + rcFolder);
            }
            files = List.copyOf(files);
            if (files.isEmpty()) {
                throw new IllegalArgumentException("There are no files to stage.");
            }
            Set<String> names = new LinkedHashSet<>();
            for (Path f : files) {
                if (!names.add(f.getFileName().toString())) {
                    throw new IllegalArgumentException("Two files are named " + f.getFileName() + ".");
                }
            }
        }

        public String folderUrl() {
            return devUrl.replaceAll("/+$", "") + "/" + rcFolder + "/";
        }
    }

    /** One local file that will be sent. */
    public record LocalFile(String name, long bytes) {
    }

    /** What will happen; {@code exists} means it will be refused, {@code nextRcFolder} is the next free name. */
    public record Preview(String url, List<LocalFile> files, long totalBytes, boolean exists, String nextRcFolder) {
        public Preview {
            files = List.copyOf(files);
        }
    }

    /** One staged file as the server holds it. */
    public record StagedFile(String name, long bytes, String sha512) {
    }

    public record Result(String url, long revision, List<StagedFile> files) {
        public Result {
            files = List.copyOf(files);
        }
    }

    private final DistOptions options;

    public DistStage(DistOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Looks (anonymously or with {@code credentials}, may be null) whether the folder is free. */
    public Preview preview(Request request, SvnCredentials credentials, Progress progress)
            throws SvnException, CancelledException {
        if (DavStage.handles(request.devUrl())) {
            String url = DistUrls.check(request.devUrl());
            try (DavStage dav = DavStage.open(url, credentials, options, progress, "looking at " + url)) {
                return preview(request, names(dav.list()), url);
            }
        }
        try (SvnSession s = SvnSession.open(request.devUrl(), credentials, options, progress)) {
            return preview(s, request);
        }
    }

    private static Preview preview(SvnSession s, Request request) throws SvnException {
        try {
            if (Remote.kind(s, "", -1) != SVNNodeKind.DIR) {
                return preview(request, null, s.url());
            }
            Set<String> taken = new LinkedHashSet<>();
            for (Remote.Entry e : Remote.list(s, "", -1)) {
                taken.add(e.name());
            }
            return preview(request, taken, s.url());
        } catch (SVNException e) {
            throw s.wrap(e, "looking at " + s.url());
        }
    }

    private static Set<String> names(List<DavStage.Entry> entries) {
        if (entries == null) {
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        entries.forEach(e -> names.add(e.name()));
        return names;
    }

    /** The preview from the names taken in the dev folder ({@code null}: the folder is not there). */
    private static Preview preview(Request request, Set<String> taken, String url) throws SvnException {
        if (taken == null) {
            throw new SvnException(SvnException.Reason.NOT_FOUND, "The dist dev folder " + url + " does not exist.",
                    "Ask the PMC to create it, or check the dist dev URL in the profile.");
        }
        List<LocalFile> files = new ArrayList<>();
        long total = 0;
        for (Path f : request.files()) {
            try {
                long size = Files.size(f);
                files.add(new LocalFile(f.getFileName().toString(), size));
                total += size;
            } catch (IOException e) {
                throw new SvnException(SvnException.Reason.OTHER, "Cannot read " + f + ": " + e.getMessage(),
                        "Build and sign the release candidate first.", e);
            }
        }
        boolean exists = taken.contains(request.rcFolder());
        return new Preview(request.folderUrl(), files, total, exists,
                exists ? nextFree(request.rcFolder(), taken) : request.rcFolder());
    }

    private static void refuseExisting(Preview preview) throws SvnException {
        if (preview.exists()) {
            throw new SvnException(SvnException.Reason.EXISTS, preview.url() + " already exists; nothing was"
                    + " committed.", "Staged candidates are never replaced: make the next one, "
                    + preview.nextRcFolder() + " (RC numbers are cheap).");
        }
    }

    /** Commits the folder with every file in one commit, then checks what the server holds. */
    public Result stage(Request request, SvnCredentials credentials, Progress progress)
            throws SvnException, CancelledException {
        Objects.requireNonNull(credentials, "credentials");
        if (DavStage.handles(request.devUrl())) {
            // Subversion's own HTTP protocol v2 with each file streamed (SVNKit would spool it to a temp file first)
            String url = DistUrls.check(request.devUrl());
            try (DavStage dav = DavStage.open(url, credentials, options, progress, "staging "
                    + request.folderUrl())) {
                DavStage.Server server = dav.server();
                if (server.v2()) {
                    Preview preview = preview(request, names(dav.list()), url);
                    refuseExisting(preview);
                    progress.begin("Uploading " + preview.files().size() + " files to " + preview.url(),
                            preview.totalBytes());
                    Map<String, FullText.Sent> sent = new TreeMap<>();
                    long revision = dav.commit(server, request.message(), request.rcFolder(), request.files(), sent);
                    dav.doing("reading back r" + revision);
                    Map<String, Held> held = new TreeMap<>();
                    List<DavStage.Entry> back = dav.list(server, request.rcFolder(), revision);
                    for (DavStage.Entry e : back == null ? List.<DavStage.Entry>of() : back) {
                        held.put(e.name(), new Held(e.bytes(), e.md5()));
                    }
                    return new Result(preview.url(), revision, compare(held, sent, revision));
                }
            }
        }
        try (SvnSession s = SvnSession.open(request.devUrl(), credentials, options, progress)) {
            Preview preview = preview(s, request);
            refuseExisting(preview);
            Map<String, FullText.Sent> sent = new TreeMap<>();
            String what = "staging " + preview.url();
            progress.begin("Uploading " + preview.files().size() + " files to " + preview.url(),
                    preview.totalBytes());
            long revision = Commit.run(s, request.message(), what, editor -> {
                editor.addDir(request.rcFolder(), null, -1);
                for (Path f : request.files()) {
                    String path = request.rcFolder() + "/" + f.getFileName();
                    editor.addFile(path, null, -1);
                    try (InputStream in = Files.newInputStream(f)) {
                        FullText.Sent x = FullText.send(editor, path, null, in, progress, what);
                        editor.closeFile(path, x.md5());
                        sent.put(f.getFileName().toString(), x);
                    }
                }
                editor.closeDir();
            });
            return new Result(preview.url(), revision, check(s, request.rcFolder(), revision, sent));
        }
    }

    /** A file as the server holds it: its size and the MD5 the server computed. */
    private record Held(long bytes, String md5) {
    }

    private static List<StagedFile> check(SvnSession s, String folder, long revision, Map<String, FullText.Sent> sent)
            throws SvnException {
        try {
            Map<String, Held> held = new TreeMap<>();
            for (Remote.Entry e : Remote.list(s, folder, revision)) {
                held.put(e.name(), new Held(e.bytes(), sent.containsKey(e.name())
                        ? Remote.md5(s, folder + "/" + e.name(), revision) : null));
            }
            return compare(held, sent, revision);
        } catch (SVNException e) {
            throw s.wrap(e, "reading back r" + revision);
        }
    }

    /** Every file sent is held with the same size and MD5, and nothing else is there. */
    private static List<StagedFile> compare(Map<String, Held> held, Map<String, FullText.Sent> sent, long revision)
            throws SvnException {
        if (!held.keySet().equals(sent.keySet())) {
            throw new SvnException(SvnException.Reason.MISMATCH, "The server holds "
                    + DistUrls.escape(String.valueOf(held.keySet())) + " in r" + revision + " instead of the files"
                    + " sent, " + DistUrls.escape(String.valueOf(sent.keySet())) + ".",
                    "Look at the folder in a browser and tell the PMC.");
        }
        List<StagedFile> out = new ArrayList<>();
        for (Map.Entry<String, FullText.Sent> e : sent.entrySet()) {
            Held h = held.get(e.getKey());
            if (h.bytes() != e.getValue().bytes() || !e.getValue().md5().equalsIgnoreCase(h.md5())) {
                throw new SvnException(SvnException.Reason.MISMATCH, "The server holds " + e.getKey() + " with "
                        + h.bytes() + " bytes (MD5 " + DistUrls.escape(String.valueOf(h.md5())) + "), but " + e.getValue().bytes() + " bytes (MD5 "
                        + e.getValue().md5() + ") were sent.", "Stage it again as the next RC.");
            }
            out.add(new StagedFile(e.getKey(), h.bytes(), e.getValue().sha512()));
        }
        return out;
    }

    /** {@code 1.0.0-rc3} when rc1 and rc2 are taken. */
    static String nextFree(String folder, Set<String> taken) {
        Matcher m = RC.matcher(folder);
        if (!m.find()) {
            return folder + "-rc2";
        }
        int n = Integer.parseInt(m.group(1));
        String candidate;
        do {
            n++;
            candidate = folder.substring(0, m.start()) + "rc" + n;
        } while (taken.contains(candidate));
        return candidate;
    }
}
