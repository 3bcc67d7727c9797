package io.releasepilot.source;

import io.releasepilot.core.AtomicFiles;
import io.releasepilot.core.CancelledException;
import io.releasepilot.core.IoErrors;
import io.releasepilot.core.Progress;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.git.GitFile;
import io.releasepilot.git.GitRepository;
import io.releasepilot.git.ResolvedRevision;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.Deflater;

/**
 * Builds {@code apache-<project>-<version>[-incubating]-src.tar.gz} (and optionally a .zip) from the committed
 * tree of a tag, reproducibly: entries in path order, every time the commit's time, owner 0/0 with empty names,
 * modes 644/755 (symlinks kept as links), and a gzip header with no name and time 0. Two builds of one tag are
 * byte-identical on any machine. Compression runs on every core. A cancelled or failed build leaves no file.
 */
public final class SourceArchiveBuilder {
    private static final int COPY_BUFFER = 256 * 1024;
    private final int threads;

    public SourceArchiveBuilder(int threads) {
        this.threads = Math.max(1, threads);
    }

    public SourceArchiveBuilder() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public SourceResult build(SourceRequest request, Progress progress) throws ReleasePilotException {
        try (GitRepository repo = GitRepository.open(request.repository())) {
            ResolvedRevision revision = repo.resolve(request.revision());
            SourceTree tree = SourceTree.collect(repo, revision.commit(), request.rules(), request.submodules());
            try {
                Files.createDirectories(request.outputDir());
            } catch (IOException e) {
                throw new ReleasePilotException("Could not create the folder " + request.outputDir() + ": "
                        + IoErrors.reason(e) + ".", IoErrors.fix(e, request.outputDir()), e);
            }
            long total = tree.bytes() * (request.zip() ? 2 : 1);
            progress.begin("Building " + request.baseName() + ".tar.gz", total);
            List<Path> artifacts = new ArrayList<>();
            Path tgz = request.outputDir().resolve(request.baseName() + ".tar.gz");
            Path zip = request.outputDir().resolve(request.baseName() + ".zip");
            Path failing = tgz;
            // Both archives go to temporary files first, then both are moved: a failed .zip leaves no new .tar.gz.
            try (AtomicFiles.Group group = AtomicFiles.group()) {
                writeTemp(group, tgz, out -> writeTarGz(out, request.baseName(), tree, revision.commitTime(),
                        progress));
                artifacts.add(tgz);
                if (request.zip()) {
                    failing = zip;
                    writeTemp(group, zip, out -> writeZip(out, request.baseName(), tree, revision.commitTime(),
                            progress));
                    artifacts.add(zip);
                }
                failing = request.outputDir();
                group.commit();
            } catch (IOException e) {
                throw new ReleasePilotException("Could not write " + failing + ": " + IoErrors.reason(e) + ". No"
                        + " archive was written; earlier ones are unchanged.", IoErrors.fix(e, request.outputDir()),
                        e);
            }
            return new SourceResult(artifacts, revision.commit(), tree.files().size(), tree.bytes(), tree.excluded());
        }
    }

    private interface Writer {
        void write(OutputStream out) throws IOException, CancelledException;
    }

    private static void writeTemp(AtomicFiles.Group group, Path target, Writer writer)
            throws IOException, CancelledException {
        Path temp = group.newTemp(target, false);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 20)) {
            writer.write(out);
        }
    }

    private void writeTarGz(OutputStream out, String base, SourceTree tree, Instant time, Progress progress)
            throws IOException, CancelledException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "release-pilot-gzip");
            t.setDaemon(true);
            return t;
        });
        ParallelGzipOutputStream gzip = new ParallelGzipOutputStream(out, pool, threads, Deflater.DEFAULT_COMPRESSION);
        boolean finished = false;
        try {
            TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip, "UTF-8");
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            tar.setAddPaxHeadersForNonAsciiNames(true);
            Date mtime = Date.from(time);
            byte[] buffer = new byte[COPY_BUFFER];
            for (String dir : directories(base, tree)) {
                TarArchiveEntry entry = new TarArchiveEntry(dir + "/", TarArchiveEntry.LF_DIR);
                normalise(entry, 040755, mtime);
                tar.putArchiveEntry(entry);
                tar.closeArchiveEntry();
            }
            for (GitFile f : tree.files()) {
                progress.checkCancelled("Building the source archive");
                String name = base + "/" + f.path();
                if (f.kind() == GitFile.Kind.SYMLINK) {
                    TarArchiveEntry link = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
                    link.setLinkName(new String(readAll(f), java.nio.charset.StandardCharsets.UTF_8));
                    normalise(link, 0120777, mtime);
                    tar.putArchiveEntry(link);
                    tar.closeArchiveEntry();
                    continue;
                }
                TarArchiveEntry entry = new TarArchiveEntry(name);
                normalise(entry, f.kind() == GitFile.Kind.EXECUTABLE ? 0100755 : 0100644, mtime);
                entry.setSize(f.size());
                tar.putArchiveEntry(entry);
                try (InputStream in = f.content().open()) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        tar.write(buffer, 0, n);
                        progress.worked(n);
                    }
                }
                tar.closeArchiveEntry();
            }
            tar.finish();
            gzip.finish();
            finished = true;
        } finally {
            if (!finished) {
                gzip.abort();
            }
            pool.shutdownNow();
        }
    }

    private static void normalise(TarArchiveEntry entry, int mode, Date mtime) {
        entry.setMode(mode);
        entry.setModTime(mtime);
        entry.setUserId(0);
        entry.setGroupId(0);
        entry.setUserName("");
        entry.setGroupName("");
    }

    /** The folders to list (top folder included), each before its contents. */
    private static TreeSet<String> directories(String base, SourceTree tree) {
        TreeSet<String> dirs = new TreeSet<>();
        dirs.add(base);
        for (GitFile f : tree.files()) {
            String p = f.path();
            int slash = p.indexOf('/');
            while (slash > 0) {
                dirs.add(base + "/" + p.substring(0, slash));
                slash = p.indexOf('/', slash + 1);
            }
        }
        return dirs;
    }

    private static void writeZip(OutputStream out, String base, SourceTree tree, Instant time, Progress progress)
            throws IOException, CancelledException {
        // DOS times are local time: shift so that the stored fields read as the commit's UTC time on any machine.
        long dosTime = time.toEpochMilli() - TimeZone.getDefault().getOffset(time.toEpochMilli());
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(new NonClosing(out))) {
            zip.setEncoding("UTF-8");
            byte[] buffer = new byte[COPY_BUFFER];
            for (String dir : directories(base, tree)) {
                ZipArchiveEntry entry = new ZipArchiveEntry(dir + "/");
                entry.setTime(dosTime);
                entry.setUnixMode(040755);
                zip.putArchiveEntry(entry);
                zip.closeArchiveEntry();
            }
            for (GitFile f : tree.files()) {
                progress.checkCancelled("Building the zip archive");
                ZipArchiveEntry entry = new ZipArchiveEntry(base + "/" + f.path());
                entry.setTime(dosTime);
                entry.setUnixMode(f.kind() == GitFile.Kind.SYMLINK ? 0120777
                        : f.kind() == GitFile.Kind.EXECUTABLE ? 0100755 : 0100644);
                zip.putArchiveEntry(entry);
                try (InputStream in = f.content().open()) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        zip.write(buffer, 0, n);
                        progress.worked(n);
                    }
                }
                zip.closeArchiveEntry();
            }
            zip.finish();
        }
    }

    private static byte[] readAll(GitFile f) throws IOException {
        try (InputStream in = f.content().open()) {
            return in.readAllBytes();
        }
    }

    /** Lets the zip stream finish without closing the file it writes to (the caller closes it). */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
