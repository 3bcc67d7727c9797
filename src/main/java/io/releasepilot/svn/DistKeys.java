package io.releasepilot.svn;

import io.releasepilot.core.CancelledException;
import io.releasepilot.core.Progress;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.keys.KeysFileUpdate;
import io.releasepilot.pgp.Fingerprint;
import org.tmatesoft.svn.core.SVNException;
import org.tmatesoft.svn.core.SVNNodeKind;
import org.tmatesoft.svn.core.SVNProperties;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Adds the release manager's key to {@code <dist-release>/KEYS}: reads that one file (never the folder's releases),
 * appends the entry with the existing KEYS logic, and commits the file against the revision it read. When someone
 * committed KEYS meanwhile, the server refuses; the change is then redone on their text, never over it.
 */
public final class DistKeys {
    /** KEYS files are small; a bigger answer is not a KEYS file. */
    static final int MAX_KEYS_BYTES = 32 * 1024 * 1024;
    static final String HEADER = KeysFileUpdate.HEADER;

    /** The exact text that will be added ({@code created}: the file does not exist yet and gets the header). */
    public record Preview(String url, long baseRevision, boolean created, int keysBefore, String textToAppend,
                          Fingerprint key) {
    }

    /** What was committed; {@code redoneAfterRevision} &gt; 0 when KEYS changed meanwhile and the append was redone. */
    public record Result(String url, long revision, Fingerprint key, long redoneAfterRevision) {
    }

    private final DistOptions options;
    /** The KEYS text the last preview read, so that the commit need not download it again. */
    private volatile Read previewed;

    public DistKeys(DistOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Reads KEYS (anonymously when {@code credentials} is null) and shows what will be appended. */
    public Preview preview(String releaseUrl, Fingerprint key, String entry, SvnCredentials credentials,
                           Progress progress) throws ReleasePilotException {
        try (SvnSession s = SvnSession.open(releaseUrl, credentials, options, progress)) {
            Read r = read(s, key, entry, -1);
            previewed = r;
            return r.preview;
        }
    }

    /** Commits the previewed append; redoes it (at most three times) on a KEYS that changed meanwhile. */
    public Result commit(Preview preview, String entry, String message, SvnCredentials credentials,
                         Progress progress) throws ReleasePilotException {
        Objects.requireNonNull(credentials, "credentials");
        long redone = 0;
        try (SvnSession s = SvnSession.open(preview.url().replaceAll("/KEYS$", ""), credentials, options, progress)) {
            // the text as the preview saw it; the server refuses the commit if KEYS changed since
            Read last = previewed;
            Read current = last != null && last.preview.equals(preview) ? last
                    : read(s, preview.key(), entry, preview.baseRevision());
            for (int attempt = 0; ; attempt++) {
                try {
                    long revision = commitOnce(s, current, message);
                    return new Result(current.preview.url(), revision, preview.key(), redone);
                } catch (SvnException e) {
                    if (e.reason() != SvnException.Reason.CHANGED || attempt >= 2) {
                        throw e;
                    }
                    redone = current.preview.baseRevision();
                    current = read(s, preview.key(), entry, -1);
                }
            }
        }
    }

    private long commitOnce(SvnSession s, Read current, String message) throws SvnException, CancelledException {
        Preview p = current.preview;
        byte[] added = p.textToAppend().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[current.bytes.length + added.length];
        System.arraycopy(current.bytes, 0, all, 0, current.bytes.length);
        System.arraycopy(added, 0, all, current.bytes.length, added.length);
        String what = "committing " + p.url();
        long revision = Commit.run(s, message, what, editor -> {
            String base = null;
            if (p.created()) {
                editor.addFile("KEYS", null, -1);
            } else {
                editor.openFile("KEYS", p.baseRevision());
                base = HexFormat.of().formatHex(FullText.digest("MD5").digest(current.bytes));
            }
            FullText.Sent sent = FullText.send(editor, "KEYS", base, new ByteArrayInputStream(all), Progress.NONE,
                    what);
            editor.closeFile("KEYS", sent.md5());
        });
        try {
            // the server's MD5 of KEYS in the new revision, without downloading the file again
            String held = Remote.md5(s, "KEYS", revision);
            if (!HexFormat.of().formatHex(FullText.digest("MD5").digest(all)).equalsIgnoreCase(held)) {
                throw new SvnException(SvnException.Reason.MISMATCH, "KEYS in r" + revision + " is not the text that"
                        + " was sent.", "Look at " + p.url() + " and tell the PMC.");
            }
        } catch (SVNException e) {
            throw s.wrap(e, "reading KEYS back");
        }
        return revision;
    }

    private record Read(Preview preview, byte[] bytes) {
    }

    private Read read(SvnSession s, Fingerprint key, String entry, long revision) throws ReleasePilotException {
        String url = s.url() + "/KEYS";
        try {
            long head = revision >= 0 ? revision : s.repository().getLatestRevision();
            SVNNodeKind kind = Remote.kind(s, "KEYS", head);
            byte[] bytes;
            boolean created = kind == SVNNodeKind.NONE;
            if (created) {
                if (Remote.kind(s, "", head) != SVNNodeKind.DIR) {
                    throw new SvnException(SvnException.Reason.NOT_FOUND, "The dist release folder " + s.url()
                            + " does not exist.", "Check the dist release URL in the profile.");
                }
                bytes = new byte[0];
            } else {
                Bounded out = new Bounded(MAX_KEYS_BYTES);
                s.repository().getFile("KEYS", head, new SVNProperties(), out);
                bytes = out.toByteArray();
            }
            Path tmp = Files.createTempFile("release-pilot-keys", ".txt");
            try {
                Files.write(tmp, created ? HEADER.getBytes(StandardCharsets.US_ASCII) : bytes);
                KeysFileUpdate.Preview p;
                try {
                    p = KeysFileUpdate.preview(tmp, key, entry);
                } catch (ReleasePilotException e) {
                    // name the KEYS on the server, not the temporary copy it was read into
                    throw new SvnException(SvnException.Reason.EXISTS, e.getMessage().replace(tmp.toString(), url),
                            e.fix(), e);
                }
                String text = (created ? HEADER : "") + p.textToAppend();
                return new Read(new Preview(url, head, created, p.keysBefore(), text, key), bytes);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (SVNException e) {
            throw s.wrap(e, "reading " + url);
        } catch (IOException e) {
            throw new SvnException(SvnException.Reason.OTHER, "Could not hold KEYS in a temporary file: "
                    + e.getMessage(), "Check the free space in the temporary folder.", e);
        }
    }

    /** Refuses to hold more than {@code max} bytes of a server's answer. */
    static final class Bounded extends OutputStream {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final int max;

        Bounded(int max) {
            this.max = max;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (buffer.size() + len > max) {
                throw new IOException("The file is larger than " + max + " bytes");
            }
            buffer.write(b, off, len);
        }

        byte[] toByteArray() {
            return buffer.toByteArray();
        }
    }
}
