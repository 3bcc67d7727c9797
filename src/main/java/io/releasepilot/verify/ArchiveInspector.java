package io.releasepilot.verify;

import io.releasepilot.core.Progress;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipMethod;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Year;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Looks inside a source archive (.tar.gz, .tgz, .zip): one top-level folder named like the file, LICENSE and
 * NOTICE (and DISCLAIMER for podlings) at its root, NOTICE's year, compiled files, and license headers.
 * Tar archives stream past (names as the format defines them: UTF-8, PAX paths); zips are read through their
 * central directory, which is what unzip uses, and every local header is compared with it. Unsafe entries
 * (absolute paths, "..", links leaving the top folder, hard links resolved from the archive root) are reported,
 * never written. Each file's head goes straight from the stream to the license-header check; only NOTICE, the
 * project's build files and nested jars are kept, under a private temporary folder and numbered names (the
 * entry's name never becomes a path), so memory and disk stay bounded; reading stops at {@link ArchiveLimits}.
 * Problems of this machine (the temporary folder is full or unwritable) are reported as such, not as a damaged
 * archive.
 */
public final class ArchiveInspector {
    /** How much of an ordinary file is kept: enough for the header scan and NOTICE. */
    static final int KEEP = 64 * 1024;
    /** How much of the project's own build files (pom.xml, .rat-excludes) is kept. */
    static final int KEEP_BUILD_FILE = 1 << 20;
    /** How large a nested jar or zip may be to be looked inside. */
    static final long KEEP_NESTED = 64L << 20;
    private final ArchiveLimits limits;
    private final java.util.function.Supplier<Year> currentYear;
    private Duration budget = LicenseHeaderScan.DEFAULT_BUDGET;
    private int threads = Runtime.getRuntime().availableProcessors();
    private Path tempRoot;

    /** {@code currentYear}: the year the candidate was made (its signature's), which NOTICE should include. */
    public ArchiveInspector(ArchiveLimits limits, Year currentYear) {
        this(limits, () -> currentYear);
    }

    /**
     * {@code currentYear} is asked for only when the content has been read, so the inspection can start before
     * the signature (which says when the candidate was made) has been looked at.
     */
    public ArchiveInspector(ArchiveLimits limits, java.util.function.Supplier<Year> currentYear) {
        this.limits = limits;
        this.currentYear = currentYear;
    }

    /** The license-header scan's time budget per file, and how many threads it uses. */
    public ArchiveInspector withHeaderScan(Duration budget, int threads) {
        this.budget = budget;
        this.threads = Math.max(1, threads);
        return this;
    }

    /** Where the temporary folder goes (default: java.io.tmpdir). */
    public ArchiveInspector withTempRoot(Path root) {
        this.tempRoot = root;
        return this;
    }

    /** Source archives are .tar.gz, .tgz and .zip files that are not binary convenience packages (-bin). */
    public static boolean isSourceArchive(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        boolean archive = n.endsWith(".tar.gz") || n.endsWith(".tgz") || n.endsWith(".zip");
        return archive && !n.contains("-bin.") && !n.contains("-bin-") && !n.contains("-binary");
    }

    public static boolean isZip(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    /** The archive's name without its extension: the folder it should unpack into. */
    public static String baseName(String name) {
        for (String ext : new String[] {".tar.gz", ".tgz", ".zip"}) {
            if (name.toLowerCase(Locale.ROOT).endsWith(ext)) {
                return name.substring(0, name.length() - ext.length());
            }
        }
        return name;
    }

    /** Inspects a gzip-compressed tar whose bytes come from {@code compressed}; {@code name} is its file name. */
    public ArchiveReport inspect(InputStream compressed, String name, boolean podling, Progress progress) {
        CountingInputStream counting = new CountingInputStream(compressed);
        return inspectTar(() -> GzipCompressorInputStream.builder().setInputStream(counting)
                .setDecompressConcatenated(true).get(), counting::count, compressed, name, podling, progress);
    }

    /**
     * Inspects the gzip-compressed tar {@code file} (read on this thread, beside the pass that hashes it; links
     * are not followed). It is decompressed on a thread of its own ({@link InflatingPipe}) while this one reads
     * the tar and checks it.
     */
    public ArchiveReport inspectTar(Path file, String name, boolean podling, Progress progress) {
        InputStream in;
        try {
            in = new java.io.BufferedInputStream(java.nio.channels.Channels.newInputStream(FileChannel.open(file,
                    StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)), 1 << 16);
        } catch (IOException e) {
            ArchiveState s = new ArchiveState(name, limits);
            s.couldNotCheck("it could not be opened (" + io.releasepilot.core.IoErrors.reason(e) + "); this is a"
                    + " problem of this machine, not of the candidate.");
            return s.report();
        }
        InflatingPipe tar = new InflatingPipe(in);
        return inspectTar(() -> tar, tar::compressed, tar, name, podling, progress);
    }

    /** Where the tar's bytes come from: opened inside the inspection, so that a failure there is the archive's. */
    private interface TarBytes {
        InputStream open() throws IOException;
    }

    private ArchiveReport inspectTar(TarBytes tarBytes, LongSupplier compressed, InputStream source, String name,
                                     boolean podling, Progress progress) {
        ArchiveState s = new ArchiveState(name, limits);
        startScan(s, progress);
        try (TempFolder temp = TempFolder.create(tempRoot)) {
            try (TarArchiveInputStream in = new TarArchiveInputStream(new TarGuard(tarBytes.open()),
                    StandardCharsets.UTF_8.name())) {
                readTar(in, compressed, temp, s, progress);
            }
            conclude(s, temp, podling, progress);
        } catch (TempFolder.LocalProblem e) {
            s.couldNotCheck(e.getMessage());
        } catch (TarGuard.MetaTooLarge e) {
            s.stop(e.getMessage() + ".");
        } catch (IOException | RuntimeException e) {
            s.damaged("gzip-compressed tar", e);
        } finally {
            closeQuietly(source);
            stopScan(s);
        }
        return s.report();
    }

    /** Inspects a zip file through its central directory (random access; the file is read a second time). */
    public ArchiveReport inspectZip(Path file, String name, boolean podling, Progress progress) {
        ArchiveState s = new ArchiveState(name, limits);
        startScan(s, progress);
        try (TempFolder temp = TempFolder.create(tempRoot);
             SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ,
                     LinkOption.NOFOLLOW_LINKS);
             SeekableByteChannel local = Files.newByteChannel(file, StandardOpenOption.READ,
                     LinkOption.NOFOLLOW_LINKS);
             ZipFile zip = ZipFile.builder().setSeekableByteChannel(channel).setCharset("Cp437")
                     .setUseUnicodeExtraFields(true).get()) {
            long size = Math.max(1, channel.size());
            for (ZipArchiveEntry entry : Collections.list(zip.getEntriesInPhysicalOrder())) {
                if (progress.isCancelled() || s.stopped) {
                    break;
                }
                checkLocalName(local, entry, s);
                if (entry.getMethod() == ZipMethod.STORED.getCode() && entry.getGeneralPurposeBit().usesDataDescriptor()
                        && entry.getSize() > KEEP) {
                    s.findings.add(Finding.note(s.archive, "The entry \"" + Names.escape(entry.getName())
                            + "\" (" + entry.getSize() + " bytes) is stored uncompressed with a data descriptor;"
                            + " it was read through the central directory, without buffering."));
                }
                String link = null;
                if (entry.isUnixSymlink()) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        link = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
                    }
                }
                try (InputStream in = entry.isDirectory() || link != null ? InputStream.nullInputStream()
                        : zip.getInputStream(entry)) {
                    s.entry(entry.getName(), entry.isDirectory(), link, false, in, () -> size, temp);
                }
            }
            conclude(s, temp, podling, progress);
        } catch (TempFolder.LocalProblem e) {
            s.couldNotCheck(e.getMessage());
        } catch (IOException | RuntimeException e) {
            s.damaged("zip", e);
        } finally {
            stopScan(s);
        }
        return s.report();
    }

    private void readTar(TarArchiveInputStream in, LongSupplier compressed, TempFolder temp, ArchiveState s,
                         Progress progress) throws IOException {
        TarArchiveEntry entry;
        while ((entry = in.getNextEntry()) != null && !s.stopped) {
            if (progress.isCancelled()) {
                s.stopped = true;
                return;
            }
            String link = entry.isSymbolicLink() || entry.isLink() ? entry.getLinkName() : null;
            s.entry(entry.getName(), entry.isDirectory(), link, entry.isLink(), in, compressed, temp);
        }
    }

    /** The local header's name must be the central directory's: unzip and streaming readers must agree. */
    private static void checkLocalName(SeekableByteChannel local, ZipArchiveEntry entry, ArchiveState s)
            throws IOException {
        ByteBuffer head = ByteBuffer.allocate(30);
        local.position(entry.getLocalHeaderOffset());
        while (head.hasRemaining() && local.read(head) > 0) {
            // fill the fixed part
        }
        byte[] h = head.array();
        if (head.hasRemaining() || h[0] != 'P' || h[1] != 'K' || h[2] != 3 || h[3] != 4) {
            s.findings.add(Finding.blocker(s.archive, "The central directory lists \""
                    + Names.escape(entry.getName()) + "\", but there is no local header where it points."));
            return;
        }
        int nameLength = (h[26] & 0xff) | (h[27] & 0xff) << 8;
        ByteBuffer name = ByteBuffer.allocate(nameLength);
        while (name.hasRemaining() && local.read(name) > 0) {
            // read the local name
        }
        if (!Arrays.equals(name.array(), entry.getRawName())) {
            s.findings.add(Finding.blocker(s.archive, "The entry's local header names \""
                    + Names.escape(new String(name.array(), StandardCharsets.UTF_8)) + "\" but the central directory"
                    + " (which unzip uses) names \"" + Names.escape(entry.getName()) + "\". Tools would unpack"
                    + " different files; a real archiver never writes this."));
        }
    }

    private void conclude(ArchiveState s, TempFolder temp, boolean podling, Progress progress) {
        if (s.stopped || progress.isCancelled()) {
            return;
        }
        new ArchiveConclusions(s, currentYear.get(), budget, threads, progress::isCancelled).conclude(podling);
    }

    private void startScan(ArchiveState s, Progress progress) {
        try {
            s.scanner = new LicenseHeaderScan.Streaming(budget, threads, progress::isCancelled);
        } catch (io.releasepilot.core.ReleasePilotException e) {
            s.findings.add(Finding.warning(s.archive, e.getMessage()));
        }
    }

    private static void stopScan(ArchiveState s) {
        if (s.scanner != null) {
            s.scanner.close();
        }
    }

    /** Closing the input tells the producer of a pipe that nothing more will be read. */
    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // nothing more to do with it
        }
    }

    static BooleanSupplier never() {
        return () -> false;
    }
}
