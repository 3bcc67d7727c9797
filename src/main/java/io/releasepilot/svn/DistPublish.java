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
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Publishes a passed candidate: one commit that copies {@code <dist-dev>/<rc-folder>} on the server to
 * {@code <dist-release>/<version>} and deletes the dev folder (the guides' {@code svn mv}). When artifact names
 * carry the RC marker, the caller promotes them first (rename, re-sign, re-checksum) and passes the new files as
 * {@code uploads} and the RC-named originals as {@code leaveBehind}.
 */
public final class DistPublish {

    /**
     * What to publish. The vote gate: {@code tallyPassed}, or a non-blank {@code overrideReason} that the caller
     * records.
     */
    public record Request(String devUrl, String rcFolder, String releaseUrl, String releaseFolder, String message,
                          boolean tallyPassed, String overrideReason, List<Path> uploads, Set<String> leaveBehind) {
        public Request {
            Objects.requireNonNull(devUrl, "devUrl");
            Objects.requireNonNull(releaseUrl, "releaseUrl");
            Objects.requireNonNull(message, "message");
            for (String f : new String[] {rcFolder, releaseFolder}) {
                if (f == null || !f.matches("[A-Za-z0-9][A-Za-z0-9._+-]*")) {
                    throw new IllegalArgumentException("Not a folder name: " + f);
                }
            }
            overrideReason = overrideReason == null ? "" : overrideReason.strip();
            uploads = uploads == null ? List.of() : List.copyOf(uploads);
            leaveBehind = leaveBehind == null ? Set.of() : Set.copyOf(leaveBehind);
        }

        public String from() {
            return devUrl.replaceAll("/+$", "") + "/" + rcFolder + "/";
        }

        public String to() {
            return releaseUrl.replaceAll("/+$", "") + "/" + releaseFolder + "/";
        }
    }

    /** What will happen: the files the release folder will hold, and whether it is a plain move. */
    public record Preview(String from, String to, List<String> files, boolean plainMove) {
        public Preview {
            files = List.copyOf(files);
        }
    }

    public record Result(String url, long revision, String override, List<String> files) {
        public Result {
            files = List.copyOf(files);
        }
    }

    private final DistOptions options;

    public DistPublish(DistOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public Preview preview(Request r, SvnCredentials credentials, Progress progress) throws SvnException,
            CancelledException {
        String base = base(r);
        try (SvnSession s = SvnSession.open(base, credentials, options, progress)) {
            return preview(s, r);
        }
    }

    public Result publish(Request r, SvnCredentials credentials, Progress progress) throws SvnException,
            CancelledException {
        Objects.requireNonNull(credentials, "credentials");
        if (!r.tallyPassed() && r.overrideReason().isEmpty()) {
            throw new SvnException(SvnException.Reason.OTHER, "The vote on " + r.rcFolder() + " has not passed;"
                    + " nothing was published.", "Tally the vote first. To publish anyway, give the reason"
                    + " (--override-vote REASON); it is recorded.");
        }
        String base = base(r);
        try (SvnSession s = SvnSession.open(base, credentials, options, progress)) {
            Preview p = preview(s, r);
            String from = DistUrls.relative(base, r.from());
            String to = DistUrls.relative(base, r.to());
            String toParent = to.substring(0, Math.max(0, to.lastIndexOf('/')));
            String fromParent = from.substring(0, Math.max(0, from.lastIndexOf('/')));
            long head;
            List<Remote.Entry> entries;
            String copyFrom;
            try {
                head = s.repository().getLatestRevision();
                entries = Remote.list(s, from, head);
                copyFrom = s.repository().getRepositoryPath(from);
            } catch (SVNException e) {
                throw s.wrap(e, "listing " + r.from());
            }
            long total = r.uploads().stream().mapToLong(DistPublish::size).sum();
            progress.begin("Publishing " + r.to(), total);
            String what = "publishing " + r.to();
            long revision;
            try {
                revision = Commit.run(s, r.message(), what, editor -> {
                    int opened = Commit.openDirs(editor, toParent);
                    if (p.plainMove()) {
                        editor.addDir(to, copyFrom, head);
                    } else {
                        editor.addDir(to, null, -1);
                        for (Remote.Entry e : entries) {
                            if (!e.folder() && !r.leaveBehind().contains(e.name())) {
                                editor.addFile(to + "/" + e.name(), copyFrom + "/" + e.name(), head);
                                editor.closeFile(to + "/" + e.name(), null);
                            }
                        }
                        for (Path f : r.uploads()) {
                            String path = to + "/" + f.getFileName();
                            editor.addFile(path, null, -1);
                            try (InputStream in = Files.newInputStream(f)) {
                                editor.closeFile(path, FullText.send(editor, path, null, in, progress, what).md5());
                            }
                        }
                    }
                    editor.closeDir();
                    Commit.closeDirs(editor, opened);
                    int openedDev = Commit.openDirs(editor, fromParent);
                    editor.deleteEntry(from, head);
                    Commit.closeDirs(editor, openedDev);
                });
            } catch (SvnException e) {
                if (e.reason() == SvnException.Reason.FORBIDDEN) {
                    throw forbidden(r, credentials.username(), e);
                }
                throw e;
            }
            return new Result(r.to(), revision, r.tallyPassed() ? null : r.overrideReason(), p.files());
        }
    }

    /** The words for a release manager who may not write dist/release, and the request for the PMC. */
    static ForbiddenException forbidden(Request r, String user, SvnException cause) {
        String request = "Subject: Please publish " + r.releaseFolder() + " to dist/release\n\n"
                + "The release vote on " + r.rcFolder() + " passed. My Apache id '" + user + "' may write to dist/dev but"
                + " not to dist/release. Could a PMC member please move the candidate with:\n\n"
                + "  svn mv -m \"" + r.message().replace("\"", "'") + "\" \\\n    " + r.from() + " \\\n    " + r.to()
                + "\n\nThank you.\n";
        return new ForbiddenException("The server does not let user '" + user + "' write to " + r.to()
                + ": on dist.apache.org only PMC members may write to dist/release. Nothing was committed.",
                "Send the request below to the PMC's private list; a PMC member runs the move for you.", request,
                cause);
    }

    private static Preview preview(SvnSession s, Request r) throws SvnException {
        String base = s.url();
        try {
            String from = DistUrls.relative(base, r.from());
            String to = DistUrls.relative(base, r.to());
            if (Remote.kind(s, from, -1) != SVNNodeKind.DIR) {
                throw new SvnException(SvnException.Reason.NOT_FOUND, "The candidate folder " + r.from()
                        + " does not exist.", "Check the RC number, or whether it was published already.");
            }
            if (Remote.kind(s, to, -1) != SVNNodeKind.NONE) {
                throw new SvnException(SvnException.Reason.EXISTS, r.to() + " already exists; nothing was published.",
                        "A published release is never replaced. Release the next version instead.");
            }
            Set<String> files = new TreeSet<>();
            for (Remote.Entry e : Remote.list(s, from, -1)) {
                if (!e.folder() && !r.leaveBehind().contains(e.name())) {
                    files.add(e.name());
                }
            }
            r.uploads().forEach(f -> files.add(f.getFileName().toString()));
            boolean plain = r.uploads().isEmpty() && r.leaveBehind().isEmpty();
            return new Preview(r.from(), r.to(), new ArrayList<>(files), plain);
        } catch (SVNException e) {
            throw s.wrap(e, "looking at " + r.from());
        }
    }

    private static String base(Request r) throws SvnException {
        String base = DistUrls.commonAncestor(r.devUrl(), r.releaseUrl());
        if (base == null) {
            throw new SvnException(SvnException.Reason.OTHER, "dist/dev and dist/release are on different servers ("
                    + r.devUrl() + ", " + r.releaseUrl() + ").", "Both must be in the same repository to move.");
        }
        return base;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
