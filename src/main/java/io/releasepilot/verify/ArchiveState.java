package io.releasepilot.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * What reading an archive collects, entry by entry: the safety checks on names and links, the bounds, and the
 * kept head of every regular file (names are kept as the archive spells them and escaped when printed).
 */
final class ArchiveState {
    /** A regular file's kept head: {@code kept} of its {@code size} bytes are in {@code path}. */
    record Kept(Path path, long size, long kept) {
        boolean whole() {
            return kept == size;
        }
    }

    private static final java.util.regex.Pattern DRIVE = java.util.regex.Pattern.compile("^[A-Za-z]:.*");
    private static final Set<String> BUILD_FILES = Set.of("pom.xml", ".rat-excludes", "rat-excludes", "NOTICE");
    private static final String[] NESTED = {".jar", ".war", ".ear", ".aar", ".zip", ".jmod", ".nar", ".apk", ".hpi"};
    final String archive;
    final ArchiveLimits limits;
    final List<Finding> findings = new ArrayList<>();
    final Set<String> topLevels = new LinkedHashSet<>();
    final Set<String> rootFiles = new LinkedHashSet<>();
    final Map<String, Kept> files = new LinkedHashMap<>();
    final List<String> binaries = new ArrayList<>();
    final List<String> notChecked = new ArrayList<>();
    List<String> unapproved = List.of();
    int entries;
    long bytes;
    boolean stopped;
    boolean ratRan;
    /** The license-header scan, fed each file's head as it goes by; null when it could not be set up. */
    LicenseHeaderScan.Streaming scanner;
    private final byte[] buffer = new byte[64 * 1024];
    /** The current file's head; only its used length is copied for the header scan. */
    private final byte[] head = new byte[LicenseHeaderScan.HEAD_BYTES];

    ArchiveState(String archive, ArchiveLimits limits) {
        this.archive = archive;
        this.limits = limits;
    }

    void stop(String message) {
        findings.add(Finding.blocker(archive, message));
        stopped = true;
    }

    void couldNotCheck(String message) {
        notChecked.add(archive + ": " + message);
        stopped = true;
    }

    void damaged(String kind, Exception e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName()
                : Names.escape(e.getMessage().replaceAll("[.\\s]+$", ""));
        findings.add(Finding.blocker(archive, "The archive is damaged or not a " + kind + " archive: " + why
                + ". Download it again; if it stays broken, the candidate must be rebuilt."));
    }

    ArchiveReport report() {
        String top = topLevels.size() == 1 ? Names.escape(topLevels.iterator().next()) : "";
        return new ArchiveReport(top, entries, bytes, binaries.stream().map(Names::escape).toList(),
                unapproved.stream().map(Names::escape).toList(), ratRan, findings, notChecked);
    }

    /** One entry; {@code data} is positioned at its content. */
    void entry(String raw, boolean directory, String link, boolean hardLink, InputStream data,
               LongSupplier compressed, TempFolder temp) throws IOException {
        if (++entries > limits.maxEntries()) {
            stop("The archive has more than " + limits.maxEntries() + " entries; reading stopped there.");
            return;
        }
        String unsafe = unsafePath(raw);
        if (unsafe != null) {
            findings.add(Finding.blocker(archive, "Unsafe entry \"" + Names.escape(raw) + "\": " + unsafe
                    + ". It was not unpacked; an archive must only hold paths inside its top-level folder."));
            return;
        }
        String path = normalize(raw);
        if (path.isEmpty()) {
            return;
        }
        int slash = path.indexOf('/');
        topLevels.add(slash < 0 ? path : path.substring(0, slash));
        if (link != null) {
            boolean out = hardLink ? leavesTop("", link) : leavesTop(path, link);
            if (out) {
                findings.add(Finding.blocker(archive, "The " + (hardLink ? "hard link" : "link") + " \""
                        + Names.escape(path) + "\" points to \"" + Names.escape(link) + "\""
                        + (hardLink ? " (from the archive's root)" : "") + ", outside the archive's top folder."
                        + " It was not unpacked."));
            }
            return;
        }
        if (directory) {
            return;
        }
        if (slash > 0 && path.indexOf('/', slash + 1) < 0) {
            rootFiles.add(path.substring(slash + 1));
        }
        keep(path, data, compressed, temp);
    }

    /**
     * Reads a regular file's content: its head goes to the header scan, the project's build files, NOTICE and
     * nested jars/zips are kept in the temporary folder, and the rest is only counted.
     */
    private void keep(String path, InputStream data, LongSupplier compressed, TempFolder temp) throws IOException {
        String lower = path.toLowerCase(Locale.ROOT);
        String name = path.substring(path.lastIndexOf('/') + 1);
        boolean atTop = path.indexOf('/') == path.lastIndexOf('/');
        long keep = atTop && BUILD_FILES.contains(name) ? ArchiveInspector.KEEP_BUILD_FILE : 0;
        for (String ext : NESTED) {
            if (lower.endsWith(ext)) {
                keep = ArchiveInspector.KEEP_NESTED;
            }
        }
        Path target = keep > 0 ? temp.newFile() : null;
        int headLength = 0;
        long size = 0;
        long kept = 0;
        try (OutputStream out = target == null ? OutputStream.nullOutputStream() : temp.open(target)) {
            int n;
            while ((n = data.read(buffer)) > 0) {
                if (headLength < head.length) {
                    int take = Math.min(n, head.length - headLength);
                    System.arraycopy(buffer, 0, head, headLength, take);
                    headLength += take;
                }
                size += n;
                bytes += n;
                if (bytes > limits.maxTotalBytes()) {
                    stop("The archive unpacks to more than " + (limits.maxTotalBytes() >> 20)
                            + " MB; reading stopped (a compression bomb?).");
                    return;
                }
                long packed = Math.max(1, compressed.getAsLong());
                if (bytes > limits.ratioFloor() && bytes / packed > limits.maxRatio()) {
                    stop("The archive unpacks to more than " + limits.maxRatio() + " times its compressed size ("
                            + (bytes >> 20) + " MB from " + (packed >> 20) + " MB so far): a compression bomb."
                            + " Reading stopped.");
                    return;
                }
                if (kept < keep) {
                    int take = (int) Math.min(n, keep - kept);
                    try {
                        out.write(buffer, 0, take);
                    } catch (IOException e) {
                        throw temp.failure(e);
                    }
                    kept += take;
                }
            }
        }
        if (target != null) {
            files.put(path, new Kept(target, size, kept));
        }
        int slash = path.indexOf('/');
        if (scanner != null && slash > 0) {
            try {
                scanner.submit(path.substring(slash + 1), java.util.Arrays.copyOf(head, headLength));
            } catch (io.releasepilot.core.CancelledException e) {
                stopped = true;
                return;
            }
        }
        if (target != null && NestedArchive.looksLikeZip(path)) {
            NestedArchive.Described d = NestedArchive.describe(path, files.get(path));
            if (d.compiled()) {
                binaries.add(d.text());
            } else {
                findings.add(Finding.note(archive, Names.escape(d.text()) + ": not counted as compiled code."));
            }
        } else {
            BinaryDetector.detect(path, head, Math.min(headLength, BinaryDetector.HEAD))
                    .ifPresent(kind -> binaries.add(path + " (" + kind + ")"));
        }
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
        if (p.startsWith("/") || DRIVE.matcher(p).matches()) {
            return "it is an absolute path";
        }
        for (String segment : p.split("/")) {
            if (segment.equals("..")) {
                return "it climbs out of the folder with \"..\"";
            }
        }
        return null;
    }

    static String normalize(String raw) {
        String p = raw.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return (p.contains("//") ? p.replaceAll("/+", "/") : p).replace("/./", "/");
    }

    /**
     * True when {@code link}, read from the folder holding {@code path} (from the archive's root when
     * {@code path} is empty, as for tar hard links), leads out of the archive's top-level folder at any step.
     */
    static boolean leavesTop(String path, String link) {
        String l = link.replace('\\', '/');
        if (l.startsWith("/") || DRIVE.matcher(l).matches() || l.indexOf('\0') >= 0) {
            return true;
        }
        int depth = path.isEmpty() ? 0 : path.split("/").length - 1;
        boolean fromRoot = depth == 0;
        for (String segment : l.split("/")) {
            if (segment.equals("..")) {
                depth--;
                if (depth < 1) {
                    return true;
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                depth++;
            }
        }
        return fromRoot && depth < 1;
    }
}
