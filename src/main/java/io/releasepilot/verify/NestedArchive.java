package io.releasepilot.verify;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A jar or zip inside a source archive is compiled code only when it holds compiled files: Java classes or native
 * libraries and executables. One holding only a manifest and text files (a test fixture) is not. The verdict
 * says what is inside.
 */
final class NestedArchive {
    private static final String[] NATIVE = {".so", ".dll", ".dylib", ".jnilib", ".exe", ".o", ".a", ".lib"};
    private static final int MAX_ENTRIES = 100_000;

    private NestedArchive() {
    }

    /** Jars and zips, by name: they are looked inside. */
    static boolean looksLikeZip(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        for (String ext : new String[] {".jar", ".war", ".ear", ".aar", ".zip", ".jmod", ".nar", ".apk", ".hpi"}) {
            if (lower.endsWith(ext)) {
                return true;
            }
        }
        return false;
    }

    /** What a nested jar/zip holds: {@code compiled} when it holds compiled code or cannot be looked into. */
    record Described(boolean compiled, String text) {
    }

    /** "path (what is inside)". */
    static Described describe(String path, ArchiveState.Kept kept) {
        if (!kept.whole()) {
            return new Described(true, path + " (a jar/zip of " + kept.size() + " bytes, too large to look inside)");
        }
        int classes = 0;
        int natives = 0;
        int others = 0;
        List<String> sample = new ArrayList<>();
        try (SeekableByteChannel ch = Files.newByteChannel(kept.path(), StandardOpenOption.READ);
             ZipFile zip = ZipFile.builder().setSeekableByteChannel(ch).get()) {
            int seen = 0;
            for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
                if (++seen > MAX_ENTRIES) {
                    break;
                }
                if (e.isDirectory()) {
                    continue;
                }
                String n = e.getName().toLowerCase(Locale.ROOT);
                if (n.endsWith(".class")) {
                    classes++;
                } else if (isNative(n)) {
                    natives++;
                } else {
                    others++;
                    if (sample.size() < 5) {
                        sample.add(e.getName());
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return new Described(true, path + " (a jar/zip that cannot be read: " + e.getMessage() + ")");
        }
        if (classes == 0 && natives == 0) {
            return new Described(false, path + " (a jar/zip holding no compiled code, only " + others
                    + " file(s): " + String.join(", ", sample) + (others > sample.size() ? ", …" : "") + ")");
        }
        List<String> parts = new ArrayList<>();
        if (classes > 0) {
            parts.add(classes + " .class file(s)");
        }
        if (natives > 0) {
            parts.add(natives + " native file(s)");
        }
        if (others > 0) {
            parts.add(others + " other file(s)");
        }
        return new Described(true, path + " (a jar/zip holding " + String.join(", ", parts) + ")");
    }

    private static boolean isNative(String lowerName) {
        for (String ext : NATIVE) {
            if (lowerName.endsWith(ext)) {
                return true;
            }
        }
        return false;
    }
}
