package io.releasepilot.verify;

import io.releasepilot.core.Progress;
import io.releasepilot.core.ReleasePilotException;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Looks inside a source archive (.tar.gz, .tgz, .zip) as it streams past: one top-level folder named like the
 * file, LICENSE and NOTICE (and DISCLAIMER for podlings) at its root, NOTICE's year, compiled files, and
 * license headers with Apache RAT. Unsafe entries (absolute paths, "..", links leaving the folder) are
 * reported and never written; files go only to a private temporary folder, deleted afterwards. Reading stops
 * at the limits of {@link ArchiveLimits}.
 */
public final class ArchiveInspector {
    private static final Pattern COPYRIGHT = Pattern.compile("(?i)copyright\\s*(?:\\(c\\)|\u00a9)?\\s*([0-9]{4})(?:\\s*[-\u2013,]\\s*([0-9]{4}))?");
    private static final int MAX_LISTED = 50;
    private final ArchiveLimits limits;
    private final Year currentYear;

    public ArchiveInspector(ArchiveLimits limits, Year currentYear) {
        this.limits = limits;
        this.currentYear = currentYear;
    }

    /** Source archives are .tar.gz, .tgz and .zip files that are not binary convenience packages (-bin). */
    public static boolean isSourceArchive(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        boolean archive = n.endsWith(".tar.gz") || n.endsWith(".tgz") || n.endsWith(".zip");
        return archive && !n.contains("-bin.") && !n.contains("-bin-") && !n.contains("-binary");
    }

    /** The archive's name without its extension: the folder it should unpack into. */
    public static String baseName(String name) {
        String n = name;
        for (String ext : new String[] {".tar.gz", ".tgz", ".zip"}) {
            if (n.toLowerCase(Locale.ROOT).endsWith(ext)) {
                return n.substring(0, n.length() - ext.length());
            }
        }
        return n;
    }

    /** Inspects the archive whose compressed bytes come from {@code compressed}; {@code name} is its file name. */
    public ArchiveReport inspect(InputStream compressed, String name, boolean podling, Progress progress) {
        State s = new State(name);
        Path temp = null;
        try {
            temp = io.releasepilot.core.TempFolders.create("release-pilot-verify-");
            CountingInputStream counting = new CountingInputStream(compressed);
            try (ArchiveInputStream<?> in = open(counting, name)) {
                readEntries(in, counting, temp, s, progress);
            }
            if (!s.stopped) {
                conclude(s, temp, podling);
            }
        } catch (IOException | RuntimeException e) {
            s.findings.add(Finding.blocker(name, "The archive is damaged or not a " + kind(name) + " archive: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage().replaceAll("[.\\s]+$", ""))
                    + ". Download it again; if it stays broken, the candidate must be rebuilt."));
        } finally {
            closeQuietly(compressed);
            deleteQuietly(temp);
            io.releasepilot.core.TempFolders.delete(temp);
        }
        String top = s.topLevels.size() == 1 ? s.topLevels.iterator().next() : "";
        return new ArchiveReport(top, s.entries, s.bytes, s.binaries, s.unapproved, s.ratRan, s.findings);
    }

    private static String kind(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".zip") ? "zip" : "gzip-compressed tar";
    }

    private static ArchiveInputStream<?> open(InputStream in, String name) throws IOException {
        if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            return new ZipArchiveInputStream(in, "UTF-8", true, true);
        }
        return new TarArchiveInputStream(GzipCompressorInputStream.builder().setInputStream(in)
                .setDecompressConcatenated(true).get());
    }

    private static final class State {
        final String archive;
        final List<Finding> findings = new ArrayList<>();
        final Set<String> topLevels = new LinkedHashSet<>();
        final Set<String> rootFiles = new LinkedHashSet<>();
        final List<String> binaries = new ArrayList<>();
        List<String> unapproved = List.of();
        int entries;
        long bytes;
        boolean stopped;
        boolean ratRan;

        State(String archive) {
            this.archive = archive;
        }

        void stop(String message) {
            findings.add(Finding.blocker(archive, message));
            stopped = true;
        }
    }

    private void readEntries(ArchiveInputStream<?> in, CountingInputStream counting, Path temp, State s,
                             Progress progress) throws IOException {
        ArchiveEntry entry;
        byte[] buffer = new byte[64 * 1024];
        while ((entry = in.getNextEntry()) != null) {
            if (progress.isCancelled()) {
                s.stopped = true;
                return;
            }
            if (++s.entries > limits.maxEntries()) {
                s.stop("The archive has more than " + limits.maxEntries() + " entries; reading stopped there.");
                return;
            }
            String raw = entry.getName();
            String unsafe = unsafePath(raw);
            if (unsafe != null) {
                s.findings.add(Finding.blocker(s.archive, "Unsafe entry \"" + printable(raw) + "\": " + unsafe
                        + ". It was not unpacked; an archive must only hold paths inside its top-level folder."));
                continue;
            }
            String path = normalize(raw);
            if (path.isEmpty()) {
                continue;
            }
            int slash = path.indexOf('/');
            s.topLevels.add(slash < 0 ? path : path.substring(0, slash));
            String link = linkTarget(entry, in);
            if (link != null) {
                if (escapes(path, link)) {
                    s.findings.add(Finding.blocker(s.archive, "The link \"" + printable(path) + "\" points to \""
                            + printable(link) + "\", outside the archive's folder. It was not unpacked."));
                }
                continue;
            }
            if (entry.isDirectory()) {
                continue;
            }
            if (slash > 0 && path.indexOf('/', slash + 1) < 0) {
                s.rootFiles.add(path.substring(slash + 1));
            }
            if (!extract(in, entry, path, temp, counting, buffer, s)) {
                return;
            }
        }
    }

    private boolean extract(ArchiveInputStream<?> in, ArchiveEntry entry, String path, Path temp,
                            CountingInputStream counting, byte[] buffer, State s) throws IOException {
        Path target = temp.resolve(path).normalize();
        if (!target.startsWith(temp)) {
            s.findings.add(Finding.blocker(s.archive, "Unsafe entry \"" + printable(path) + "\"; not unpacked."));
            return true;
        }
        io.releasepilot.core.TempFolders.createFoldersBelow(temp, target.getParent());
        byte[] head = new byte[BinaryDetector.HEAD];
        int headLength = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (headLength < head.length) {
                    int take = Math.min(n, head.length - headLength);
                    System.arraycopy(buffer, 0, head, headLength, take);
                    headLength += take;
                }
                s.bytes += n;
                if (s.bytes > limits.maxTotalBytes()) {
                    s.stop("The archive unpacks to more than " + (limits.maxTotalBytes() >> 20)
                            + " MB; reading stopped (a compression bomb?).");
                    return false;
                }
                long compressed = Math.max(1, counting.count());
                if (s.bytes > limits.ratioFloor() && s.bytes / compressed > limits.maxRatio()) {
                    s.stop("The archive unpacks to more than " + limits.maxRatio() + " times its compressed size ("
                            + (s.bytes >> 20) + " MB from " + (compressed >> 20) + " MB so far): a compression bomb."
                            + " Reading stopped.");
                    return false;
                }
                out.write(buffer, 0, n);
            }
        }
        BinaryDetector.detect(path, head, headLength).ifPresent(kind -> s.binaries.add(path + " (" + kind + ")"));
        return true;
    }

    private static String linkTarget(ArchiveEntry entry, ArchiveInputStream<?> in) throws IOException {
        if (entry instanceof TarArchiveEntry tar && (tar.isSymbolicLink() || tar.isLink())) {
            return tar.getLinkName();
        }
        if (entry instanceof ZipArchiveEntry zip && zip.isUnixSymlink()) {
            byte[] target = in.readNBytes(4096);
            return new String(target, StandardCharsets.UTF_8);
        }
        return null;
    }

    /** Why a path is unsafe to unpack, or null when it is safe. */
    static String unsafePath(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "it has no name";
        }
        if (raw.indexOf('\0') >= 0) {
            return "its name holds a NUL character";
        }
        String p = raw.replace('\\', '/');
        if (p.startsWith("/") || p.matches("^[A-Za-z]:.*")) {
            return "it is an absolute path";
        }
        for (String segment : p.split("/")) {
            if (segment.equals("..")) {
                return "it climbs out of the folder with \"..\"";
            }
        }
        return null;
    }

    private static String normalize(String raw) {
        String p = raw.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.replaceAll("/+", "/").replace("/./", "/");
    }

    /** True when {@code link}, read from the folder holding {@code path}, leads outside the archive's root. */
    static boolean escapes(String path, String link) {
        String l = link.replace('\\', '/');
        if (l.startsWith("/") || l.matches("^[A-Za-z]:.*")) {
            return true;
        }
        int depth = path.split("/").length - 1;
        for (String segment : l.split("/")) {
            if (segment.equals("..")) {
                depth--;
                if (depth < 0) {
                    return true;
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                depth++;
            }
        }
        return false;
    }

    private void conclude(State s, Path temp, boolean podling) {
        String expected = baseName(s.archive);
        if (s.topLevels.size() != 1) {
            s.findings.add(Finding.blocker(s.archive, "The archive should unpack into one folder named " + expected
                    + ", but it has " + s.topLevels.size() + " top-level entries: "
                    + String.join(", ", s.topLevels.stream().limit(10).toList())));
            return;
        }
        String top = s.topLevels.iterator().next();
        Set<String> accepted = new java.util.HashSet<>(List.of(expected, strip(expected, "-src"),
                strip(expected, "-source-release"), strip(expected, "-source")));
        if (!accepted.contains(top)) {
            s.findings.add(Finding.warning(s.archive, "The top-level folder is \"" + top + "\"; for " + s.archive
                    + " it should be \"" + expected + "\" (or without -src)."));
        }
        requireRootFile(s, top, "LICENSE", "the Apache License and the licenses of bundled code");
        requireRootFile(s, top, "NOTICE", "the required notices");
        if (podling) {
            if (!hasRootFile(s, "DISCLAIMER") && !hasRootFile(s, "DISCLAIMER-WIP")) {
                s.findings.add(Finding.blocker(s.archive, "Podling releases need a DISCLAIMER (or DISCLAIMER-WIP) file"
                        + " at the top of " + top + "/."));
            }
            if (!s.archive.toLowerCase(Locale.ROOT).contains("incubating")) {
                s.findings.add(Finding.blocker(s.archive, "Podling release names must contain \"incubating\","
                        + " e.g. apache-foo-1.0.0-incubating-src.tar.gz."));
            }
        }
        checkNoticeYear(s, temp.resolve(top));
        if (!s.binaries.isEmpty()) {
            s.findings.add(Finding.warning(s.archive, s.binaries.size() + " compiled file(s) in the source release;"
                    + " the ASF does not allow compiled code in source releases: "
                    + String.join(", ", s.binaries.stream().limit(MAX_LISTED).toList())
                    + (s.binaries.size() > MAX_LISTED ? ", …" : "")));
        }
        try {
            s.unapproved = LicenseHeaderScan.unapproved(temp.resolve(top));
            s.ratRan = true;
            if (!s.unapproved.isEmpty()) {
                s.findings.add(Finding.warning(s.archive, s.unapproved.size() + " file(s) without an approved license"
                        + " header (Apache RAT): " + String.join(", ", s.unapproved.stream().limit(MAX_LISTED).toList())
                        + (s.unapproved.size() > MAX_LISTED ? ", …" : "")
                        + ". Add headers, or list them in .rat-excludes if they cannot carry one."));
            }
        } catch (ReleasePilotException e) {
            s.findings.add(Finding.warning(s.archive, e.getMessage()));
        }
    }

    private static String strip(String name, String suffix) {
        return name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : name;
    }

    private static boolean hasRootFile(State s, String base) {
        return s.rootFiles.stream().anyMatch(f -> f.equals(base) || f.startsWith(base + "."));
    }

    private static void requireRootFile(State s, String top, String base, String what) {
        if (!hasRootFile(s, base)) {
            s.findings.add(Finding.blocker(s.archive, "There is no " + base + " file at the top of " + top
                    + "/; every ASF source release needs one, with " + what + "."));
        }
    }

    private void checkNoticeYear(State s, Path root) {
        Path notice = s.rootFiles.stream().filter(f -> f.equals("NOTICE") || f.startsWith("NOTICE."))
                .map(root::resolve).findFirst().orElse(null);
        if (notice == null) {
            return;
        }
        try (InputStream in = Files.newInputStream(notice)) {
            String text = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
            Matcher m = COPYRIGHT.matcher(text);
            int latest = -1;
            String line = "";
            while (m.find()) {
                int year = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(1));
                if (year > latest) {
                    latest = year;
                    line = m.group().strip();
                }
            }
            if (latest < 0) {
                s.findings.add(Finding.warning(s.archive, "NOTICE has no copyright line; it should say"
                        + " \"Copyright " + currentYear + " The Apache Software Foundation\"."));
            } else if (latest != currentYear.getValue()) {
                s.findings.add(Finding.warning(s.archive, "NOTICE says \"" + line + "\"; the copyright year should"
                        + " include " + currentYear + "."));
            }
        } catch (IOException e) {
            s.findings.add(Finding.warning(s.archive, "NOTICE could not be read: " + e.getMessage()));
        }
    }

    private static String printable(String s) {
        String p = s.replaceAll("\\p{Cntrl}", "?");
        return p.length() > 200 ? p.substring(0, 197) + "..." : p;
    }

    /** Closing the input tells the producer of a pipe that nothing more will be read. */
    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // nothing more to do with it
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    p.toFile().deleteOnExit();
                }
            });
        } catch (IOException e) {
            dir.toFile().deleteOnExit();
        }
    }
}
